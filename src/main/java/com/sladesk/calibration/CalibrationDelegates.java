package com.sladesk.calibration;

import java.time.Clock;
import java.time.ZoneOffset;

import com.sladesk.system.TaskForm;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code annual-calibration}. */
@Configuration(proxyBeanMethods = false)
class CalibrationDelegates {

    /** On demand the year is given; from the yearly timer it is the year that just ended. */
    @Bean
    JavaDelegate proposeCalibrationDelegate(CalibrationService calibrations, Clock clock) {
        return execution -> {
            Object year = execution.getVariable("year");
            int y = year == null ? clock.instant().atZone(ZoneOffset.UTC).getYear() - 1 : ((Number) year).intValue();
            Object by = execution.getVariable("requestedBy");
            long id = calibrations.propose(y, by == null ? "system" : by.toString());
            execution.setProcessBusinessKey(String.valueOf(id));
            execution.setVariable("calibrationId", id);
        };
    }

    @Bean
    JavaDelegate createPolicyVersionDelegate(CalibrationService calibrations) {
        return execution -> calibrations.createVersion(calibrationId(execution));
    }

    @Bean
    TaskForm calibrationTaskForm() {
        return new TaskForm(CalibrationService.KEY, "/calibration#calibration-");
    }

    private static long calibrationId(DelegateExecution execution) {
        return ((Number) execution.getVariable("calibrationId")).longValue();
    }
}
