package com.sladesk.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "service_component")
class ServiceComponent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String code;

    private String name;

    private String description;

    private boolean beta;

    protected ServiceComponent() {
    }

    ServiceComponent(String code, String name, String description, boolean beta) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.beta = beta;
    }

    ComponentInfo toInfo() {
        return new ComponentInfo(id, code, name, description, beta);
    }
}
