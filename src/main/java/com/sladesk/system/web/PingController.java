package com.sladesk.system.web;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A constant answer behind the same filters, security and JSON as every API call: the ceiling
 * of this stack on this machine, which the benchmark (bench/run) reports every other figure against.
 */
@RestController
class PingController {

    private static final Map<String, String> PONG = Map.of("status", "ok");

    @GetMapping("/api/ping")
    Map<String, String> ping() {
        return PONG;
    }
}
