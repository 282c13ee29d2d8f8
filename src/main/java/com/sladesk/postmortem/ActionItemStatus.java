package com.sladesk.postmortem;

public enum ActionItemStatus {
    OPEN, DONE
}
