package com.sladesk.maintenance;

import com.fasterxml.jackson.annotation.JsonValue;

/** The SLA's maintenance activities. In JSON as lower case: database_upgrade, security_patch, infrastructure_scaling, feature_deployment. */
public enum Activity {
    DATABASE_UPGRADE, SECURITY_PATCH, INFRASTRUCTURE_SCALING, FEATURE_DEPLOYMENT;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    @Override
    public String toString() {
        return value();
    }
}
