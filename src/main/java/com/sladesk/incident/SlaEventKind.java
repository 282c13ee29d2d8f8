package com.sladesk.incident;

/** WARNING at 75% of a target ("breaching soon"), BREACH at 100%. */
public enum SlaEventKind {
    WARNING, BREACH
}
