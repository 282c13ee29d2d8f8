package com.sladesk.availability;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sladesk.SlaDeskTest;
import com.sladesk.TestClock;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/** Answers are remembered until an incident or maintenance window changes, and never past that. */
@SlaDeskTest
@Tag("clock")
class AvailabilityCacheTests {

    @Autowired
    AvailabilityService availability;

    @Autowired
    IncidentService incidents;

    @Autowired
    OutageSource outages;

    @Autowired
    ObjectProvider<ExclusionWindows> exclusionWindows;

    @Autowired
    ComponentCatalogue catalogue;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        TestClock.runFromStart();
    }

    @Test
    void whatIsShownMayBeASecondOldAfterAChangeWhatIsDecidedNever() {
        // the production setting, on an engine of its own (told of changes by hand)
        AvailabilityService shown = new AvailabilityService(outages, exclusionWindows, catalogue, clock,
                Duration.ofSeconds(1), transactions);
        YearMonth month = YearMonth.of(2021, 5);
        Instant t = Instant.parse("2026-08-03T10:00:00Z");
        TestClock.pin(t);
        AvailabilityService.MonthAndRolling before = shown.monthAndRollingToShow(month);

        Instant start = Instant.parse("2021-05-10T10:00:00Z");
        long id = incidents.open(new NewIncident("Shown drill", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        incidents.resolve(id, start.plusSeconds(1800), Cause.INTERNAL, "sre");
        shown.dataChanged();
        TestClock.pin(t.plusMillis(500));
        assertThat(shown.monthAndRollingToShow(month)).as("shown: half a second old is fine").isSameAs(before);
        AvailabilityReport decided = shown.month(month);
        assertThat(decided.downtimeMinutes()).as("decided: always after the change")
                .isEqualByComparingTo(before.month().downtimeMinutes().add(BigDecimal.valueOf(30)));
        TestClock.pin(t.plusMillis(600));
        assertThat(shown.monthAndRollingToShow(month).month()).as("and what is shown catches up with it").isSameAs(decided);

        shown.dataChanged();
        TestClock.pin(t.plusMillis(1_700));
        assertThat(shown.monthAndRollingToShow(month).month()).as("a second after the change: recomputed")
                .isNotSameAs(decided);
    }

    @Test
    void pastHalfItsTimeAfterAChangeOneAskerComputesAheadWhileTheOthersTakeTheKeptAnswer() throws Exception {
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean slow = new AtomicBoolean();
        PlatformTransactionManager slowOnce = beginningWith(definition -> {
            if (slow.getAndSet(false)) {
                computing.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        AvailabilityService shown = new AvailabilityService(outages, exclusionWindows, catalogue, clock,
                Duration.ofSeconds(1), slowOnce);
        YearMonth month = YearMonth.of(2021, 9); // a month no other test uses
        Instant t = Instant.parse("2026-08-04T10:00:00Z");
        TestClock.pin(t);
        AvailabilityService.MonthAndRolling before = shown.monthAndRollingToShow(month);
        Instant start = Instant.parse("2021-09-10T10:00:00Z");
        long id = incidents.open(new NewIncident("Ahead drill", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        incidents.resolve(id, start.plusSeconds(1800), Cause.INTERNAL, "sre");
        shown.dataChanged();
        TestClock.pin(t.plusMillis(400));
        assertThat(shown.monthAndRollingToShow(month)).as("within half its time after the change: kept").isSameAs(before);

        TestClock.pin(t.plusMillis(600));
        slow.set(true);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<AvailabilityService.MonthAndRolling> ahead = other.submit(() -> shown.monthAndRollingToShow(month));
            assertThat(computing.await(5, TimeUnit.SECONDS)).as("past half its time: the first asker computes ahead").isTrue();
            long asked = System.nanoTime();
            assertThat(shown.monthAndRollingToShow(month)).as("meanwhile the others take the kept answer").isSameAs(before);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("without waiting").isLessThan(Duration.ofSeconds(2));
            release.countDown();
            AvailabilityService.MonthAndRolling computed = ahead.get(10, TimeUnit.SECONDS);
            assertThat(computed.month().downtimeMinutes())
                    .isEqualByComparingTo(before.month().downtimeMinutes().add(BigDecimal.valueOf(30)));
            TestClock.pin(t.plusMillis(700));
            assertThat(shown.monthAndRollingToShow(month)).as("and it is kept").isSameAs(computed);
        }
        finally {
            release.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void aRememberedMonthIsRecomputedOnceAnIncidentChangesIt() {
        YearMonth month = YearMonth.of(2021, 3); // a month no other test uses
        AvailabilityReport before = availability.month(month);
        assertThat(availability.monthAndRolling(month).month()).as("remembered").isSameAs(before);

        Instant start = Instant.parse("2021-03-10T10:00:00Z");
        long id = incidents.open(new NewIncident("Cache drill", null, Severity.P2, List.of("core"),
                Environment.PRODUCTION, Impact.OUTAGE, start, null), "sre").id();
        AvailabilityReport open = availability.month(month);
        assertThat(open).isNotSameAs(before);
        assertThat(open.downtimeMinutes()).isGreaterThan(before.downtimeMinutes());

        incidents.resolve(id, start.plusSeconds(3600), Cause.INTERNAL, "sre");
        AvailabilityReport resolved = availability.month(month);
        assertThat(resolved.downtimeMinutes()).isEqualByComparingTo(before.downtimeMinutes().add(BigDecimal.valueOf(60)));
    }

    @Test
    void aRememberedAnswerAndTheDataVersionTakeNoTransactionAComputationOne() {
        AtomicInteger begun = new AtomicInteger();
        PlatformTransactionManager counting = beginningWith(definition -> {
            begun.incrementAndGet();
            assertThat(definition.isReadOnly()).as("a computation only reads").isTrue();
        });
        AvailabilityService service = new AvailabilityService(outages, exclusionWindows, catalogue, clock,
                Duration.ofSeconds(1), counting);
        YearMonth month = YearMonth.of(2021, 7);
        AvailabilityService.MonthAndRolling first = service.monthAndRollingToShow(month);
        assertThat(begun).as("the computation read in a transaction").hasValue(1);
        for (int i = 0; i < 5; i++) {
            assertThat(service.monthAndRollingToShow(month)).isSameAs(first);
            service.dataVersion();
        }
        assertThat(begun).as("remembered answers and the version: no transaction, no connection").hasValue(1);
        service.dataChanged();
        service.month(month);
        assertThat(begun).as("after a change, the decision recomputes, in a transaction").hasValue(2);
        assertThat(AvailabilityService.class.isAnnotationPresent(Transactional.class))
                .as("the bean itself wraps no call in a transaction (that would borrow a connection per cached read)").isFalse();
    }

    /** The test's transaction manager, running {@code onBegin} before each transaction it begins. */
    private PlatformTransactionManager beginningWith(java.util.function.Consumer<TransactionDefinition> onBegin) {
        return new PlatformTransactionManager() {
            @Override
            public TransactionStatus getTransaction(TransactionDefinition definition) {
                onBegin.accept(definition);
                return transactions.getTransaction(definition);
            }

            @Override
            public void commit(TransactionStatus status) {
                transactions.commit(status);
            }

            @Override
            public void rollback(TransactionStatus status) {
                transactions.rollback(status);
            }
        };
    }
}
