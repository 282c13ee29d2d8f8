package com.sladesk.contract;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "sla_plan")
class SlaPlan {

    @Id
    private String code;

    private String name;

    private Instant createdAt;

    protected SlaPlan() {
    }

    SlaPlan(String code, String name, Instant createdAt) {
        this.code = code;
        this.name = name;
        this.createdAt = createdAt;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }
}
