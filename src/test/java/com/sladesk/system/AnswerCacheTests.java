package com.sladesk.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A kept answer: rebuilt when its data version changes or it is too old, built once for concurrent readers, never kept when it failed. */
class AnswerCacheTests {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void keptUntilTheDataVersionChanges() {
        AnswerCache<String, String> cache = new AnswerCache<>(Duration.ofMinutes(1), 10);
        AnswerCache.Version version = new AnswerCache.Version();
        AtomicInteger builds = new AtomicInteger();
        assertThat(cache.get("q", version.current(), () -> "a" + builds.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("q", version.current(), () -> "a" + builds.incrementAndGet())).isEqualTo("a1");
        assertThat(cache.get("other", version.current(), () -> "b" + builds.incrementAndGet())).isEqualTo("b2");
        version.changed();
        assertThat(cache.get("q", version.current(), () -> "a" + builds.incrementAndGet())).isEqualTo("a3");
        assertThat(builds).hasValue(3);
    }

    @Test
    void keptNoLongerThanItsMaximumAge() throws Exception {
        AnswerCache<String, Integer> cache = new AnswerCache<>(Duration.ofMillis(100), 10);
        AtomicInteger builds = new AtomicInteger();
        assertThat(cache.get("q", 1, builds::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("q", 1, builds::incrementAndGet)).isEqualTo(1);
        Thread.sleep(150);
        assertThat(cache.get("q", 1, builds::incrementAndGet)).isEqualTo(2);
        // a maximum age of zero keeps nothing
        AnswerCache<String, Integer> none = new AnswerCache<>(Duration.ZERO, 10);
        assertThat(none.get("q", 1, builds::incrementAndGet)).isEqualTo(3);
        assertThat(none.get("q", 1, builds::incrementAndGet)).isEqualTo(4);
    }

    @Test
    void concurrentReadersWaitForOneBuild() throws Exception {
        AnswerCache<String, Integer> cache = new AnswerCache<>(Duration.ofMinutes(1), 10);
        AtomicInteger builds = new AtomicInteger();
        CountDownLatch building = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Integer> first = threads.submit(() -> cache.get("q", 7, () -> {
            building.countDown();
            await(release);
            return builds.incrementAndGet();
        }));
        assertThat(building.await(5, TimeUnit.SECONDS)).isTrue();
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(threads.submit(() -> cache.get("q", 7, builds::incrementAndGet)));
        }
        Thread.sleep(100);
        assertThat(others).noneMatch(Future::isDone);
        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        for (Future<Integer> f : others) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildIsNotKept() {
        AnswerCache<String, String> cache = new AnswerCache<>(Duration.ofMinutes(1), 10);
        assertThatThrownBy(() -> cache.get("q", 1, () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(cache.get("q", 1, () -> "fine")).isEqualTo("fine");
    }

    @Test
    void aVersionChangesAgainWhenItsTransactionEnds() {
        AnswerCache.Version version = new AnswerCache.Version();
        org.springframework.transaction.support.TransactionSynchronizationManager.initSynchronization();
        try {
            version.changed();
            long during = version.current();
            assertThat(during).isEqualTo(1);
            for (var s : org.springframework.transaction.support.TransactionSynchronizationManager.getSynchronizations()) {
                s.afterCompletion(org.springframework.transaction.support.TransactionSynchronization.STATUS_COMMITTED);
            }
            assertThat(version.current()).as("an answer built from the data before the commit is out of date").isEqualTo(2);
        }
        finally {
            org.springframework.transaction.support.TransactionSynchronizationManager.clearSynchronization();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
