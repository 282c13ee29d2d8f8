package com.sladesk;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * No test reads today's date: the clock of the service and the engine (they are one) runs from a
 * pinned start instant, {@value #PROPERTY} ({@value #DEFAULT_START} unless given). CI runs the
 * tests tagged {@code clock} again with the start at 31 December 23:30 and on 29 February.
 * Registered for every test class (junit-platform.properties): the run's clock is set before the
 * Spring context starts, before each test, and again after each test, whatever the test set it to.
 */
public final class TestClock implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    public static final String PROPERTY = "sladesk.test.start";

    static final String DEFAULT_START = "2026-11-16T10:00:00Z";

    /** The pinned start instant of this run. */
    public static Instant start() {
        String value = System.getProperty(PROPERTY, "");
        return Instant.parse(value.isBlank() ? DEFAULT_START : value);
    }

    /** The month the run starts in. */
    public static YearMonth startMonth() {
        return YearMonth.from(start().atOffset(ZoneOffset.UTC));
    }

    /** How far the run's clock is from the system clock: fixed at the first test, so time runs on across tests. */
    private static Long offset;

    /**
     * The run's clock: it started at the start instant when the first test began and has run on
     * since, one timeline for the whole run (a record made by a later test is never older).
     */
    public static synchronized void runFromStart() {
        if (offset == null) {
            offset = start().toEpochMilli() - System.currentTimeMillis();
        }
        ClockUtil.offset(offset);
    }

    /** The clock stands still at {@code instant}. */
    public static void pin(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** The clock stands still at {@code instant}, an ISO-8601 instant such as {@code 2026-03-03T10:00:00Z}. */
    public static void pin(String instant) {
        pin(Instant.parse(instant));
    }

    /** What the service and engine take for now. */
    public static Instant now() {
        return ClockUtil.now().toInstant();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        runFromStart();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        runFromStart();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        runFromStart();
    }
}
