package com.sladesk.maintenance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service tasks of {@code maintenance-notification}, one bean each, named in the model. */
@Configuration(proxyBeanMethods = false)
class MaintenanceNotificationDelegates {

    @Bean
    JavaDelegate announceMaintenanceDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.announce(maintenanceId(execution));
    }

    @Bean
    JavaDelegate sendMaintenanceReminderDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.remind(maintenanceId(execution));
    }

    @Bean
    JavaDelegate startWindowDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.start(maintenanceId(execution));
    }

    @Bean
    JavaDelegate completeWindowDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.complete(maintenanceId(execution));
    }

    @Bean
    JavaDelegate announceRescheduleDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.announceReschedule(maintenanceId(execution));
    }

    @Bean
    JavaDelegate announceCancellationDelegate(MaintenanceService maintenance) {
        return execution -> maintenance.announceCancellation(maintenanceId(execution));
    }

    private static long maintenanceId(DelegateExecution execution) {
        return ((Number) execution.getVariable(MaintenanceNotificationProcess.VAR_MAINTENANCE_ID)).longValue();
    }
}
