package com.sladesk.catalogue;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A named set of components ("Platform": Core Services, Data Services), shown together. */
@Entity
@jakarta.persistence.EntityListeners(CatalogueChanges.class)
@Table(name = "component_group")
class ComponentGroup {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private Instant createdAt;

    protected ComponentGroup() {
    }

    ComponentGroup(String name, Instant createdAt) {
        this.name = name;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    void rename(String name) {
        this.name = name;
    }

    GroupInfo toInfo() {
        return new GroupInfo(id, name);
    }
}
