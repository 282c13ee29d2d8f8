package com.sladesk.system;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;


/**
 * The answer to a read, kept while its data has not changed (issue #21): a list that many people
 * poll is built once per change, not once per request, and only one request builds it at a time
 * while the others wait for its answer. An answer is kept for the {@link Version} it was built
 * under, which the owning module bumps when a change commits (so a node reads its own writes at
 * once), and at most {@code maxAge} (so a change made on another node of a cluster, or by hand in
 * the database, shows within that time). A failed build is not kept.
 *
 * @param <K> what the answer depends on besides the data (the query's parameters)
 * @param <V> the answer
 */
public final class AnswerCache<K, V> {

    /** A data version: bumped when a transaction that changed the data commits. */
    public static final class Version {

        private final AtomicLong value = new AtomicLong();

        public long current() {
            return value.get();
        }

        /**
         * Marks the data changed: now (a reader that starts building after this sees the change
         * only once committed, so it is bumped again) and when the current transaction commits.
         */
        public void changed() {
            NowAndAfterTransaction.run(value::incrementAndGet);
        }
    }

    private record Entry<V>(long version, long builtAt, CompletableFuture<V> answer) {
    }

    private final ConcurrentHashMap<Object, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;

    public AnswerCache(Duration maxAge, int maxEntries) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The answer for {@code key} at {@code version}: kept, being built by another request, or built now. */
    public V get(K key, long version, Supplier<V> build) {
        if (maxAgeNanos <= 0) {
            return build.get();
        }
        Object k = key == null ? Entry.class : key;
        long now = System.nanoTime();
        Entry<V> kept = entries.get(k);
        if (usable(kept, version, now)) {
            return await(kept, build);
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Entry<V> mine = new Entry<>(version, now, new CompletableFuture<>());
        Entry<V> winner = entries.compute(k, (x, old) -> usable(old, version, now) ? old : mine);
        if (winner != mine) {
            return await(winner, build);
        }
        try {
            V answer = build.get();
            mine.answer().complete(answer);
            return answer;
        }
        catch (RuntimeException | Error e) {
            entries.remove(k, mine);
            mine.answer().completeExceptionally(e);
            throw e;
        }
    }

    private boolean usable(Entry<V> entry, long version, long now) {
        return entry != null && entry.version() == version && now - entry.builtAt() < maxAgeNanos
                && !entry.answer().isCompletedExceptionally();
    }

    private V await(Entry<V> entry, Supplier<V> build) {
        try {
            return entry.answer().join();
        }
        catch (CompletionException e) {
            // the other request's build failed: try once on our own
            return build.get();
        }
    }
}
