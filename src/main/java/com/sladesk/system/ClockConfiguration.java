package com.sladesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One clock for the application and the process engine: business code asks this {@link Clock},
 * timers ask Camunda's {@link ClockUtil}, and both read the same time. A test that moves the
 * engine clock therefore moves the application's "now" with it.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /**
     * {@code sladesk.clock.offset} (a duration, default 0): the service and its engine run this far
     * from the system clock. For drills and demos that must run on a chosen day (a credit claim
     * needs a month whose claim window is open, which no day the 31st of a month has); every node
     * of a cluster is given the same offset.
     */
    @Bean
    Clock clock(@Value("${sladesk.clock.offset:0s}") Duration offset) {
        if (!offset.isZero()) {
            ClockUtil.offset(offset.toMillis());
            LoggerFactory.getLogger(ClockConfiguration.class).warn(
                    "The clock runs {} from the system clock (sladesk.clock.offset): now is {}", offset, ClockUtil.now().toInstant());
        }
        return new EngineClock(ZoneOffset.UTC);
    }

    static final class EngineClock extends Clock {

        private final ZoneId zone;

        EngineClock(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new EngineClock(zone);
        }

        @Override
        public Instant instant() {
            return ClockUtil.now().toInstant();
        }
    }
}
