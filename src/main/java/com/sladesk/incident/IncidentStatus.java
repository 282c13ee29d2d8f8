package com.sladesk.incident;

public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
