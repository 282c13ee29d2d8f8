package com.sladesk.catalogue;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@jakarta.persistence.EntityListeners(CatalogueChanges.class)
@Table(name = "service_component")
class ServiceComponent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** Immutable: incidents, maintenance windows and contracts name a component by its code. */
    private String code;

    private String name;

    private String description;

    private boolean beta;

    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "group_id")
    private ComponentGroup group;

    private Instant retiredAt;

    protected ServiceComponent() {
    }

    ServiceComponent(String code, String name, String description, boolean beta, ComponentGroup group) {
        this.code = code;
        this.name = name;
        this.description = description;
        this.beta = beta;
        this.group = group;
    }

    void change(String name, String description, boolean beta, ComponentGroup group) {
        this.name = name;
        this.description = description;
        this.beta = beta;
        this.group = group;
    }

    void retire(Instant at) {
        this.retiredAt = at;
    }

    boolean isRetired() {
        return retiredAt != null;
    }

    ComponentInfo toInfo() {
        return new ComponentInfo(id, code, name, description, beta, group == null ? null : group.getName(),
                retiredAt != null);
    }
}
