package com.sladesk;

import java.util.TimeZone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@Modulithic(sharedModules = "system")
@ConfigurationPropertiesScan
@EnableScheduling
public class SlaDeskApplication {

    public static void main(String[] args) {
        // the SLA's times are UTC, and cron timers (the monthly report) follow the JVM's zone
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        SpringApplication.run(SlaDeskApplication.class, args);
    }
}
