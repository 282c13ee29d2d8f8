package com.sladesk.system.web;

import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /health/components}: the deep health of the SLA's "Health Checks" (database, process
 * engine, job executor, mail), from the actuator health group {@code components}. Actuator can
 * only add one-segment paths, hence this small controller.
 */
@RestController
class HealthComponentsController {

    private final HealthEndpoint health;

    HealthComponentsController(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/health/components", produces = "application/json")
    ResponseEntity<HealthComponent> components() {
        HealthComponent components = health.healthForPath("components");
        HttpStatus status = Status.UP.equals(components.getStatus()) ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status).body(components);
    }
}
