package com.sladesk.organisation;

import java.util.Optional;

/** What a person may do. Staff roles map onto the process engine's candidate groups. */
public enum Role {

    CUSTOMER(null), SRE("sre"), LEADERSHIP("leadership"), CTO("cto"), ADMIN("camunda-admin");

    private final String processGroup;

    Role(String processGroup) {
        this.processGroup = processGroup;
    }

    /** The Camunda group whose tasks this role works on; customers have none. */
    public Optional<String> processGroup() {
        return Optional.ofNullable(processGroup);
    }
}
