package com.sladesk.maintenance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code maintenance-notification}: each step is one call of {@link MaintenanceService}. */
@Component("maintenanceDelegate")
class MaintenanceDelegate implements JavaDelegate {

    private final MaintenanceService maintenance;

    MaintenanceDelegate(MaintenanceService maintenance) {
        this.maintenance = maintenance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = ((Number) execution.getVariable(MaintenanceNotificationProcess.VAR_MAINTENANCE_ID)).longValue();
        String step = (String) execution.getVariableLocal(MaintenanceNotificationProcess.VAR_STEP);
        switch (step) {
            case "announce" -> maintenance.announce(id);
            case "remind" -> maintenance.remind(id);
            case "start" -> maintenance.start(id);
            case "complete" -> maintenance.complete(id);
            case "reschedule" -> maintenance.announceReschedule(id);
            case "cancel" -> maintenance.announceCancellation(id);
            default -> throw new IllegalStateException("unknown maintenance-notification step " + step);
        }
    }
}
