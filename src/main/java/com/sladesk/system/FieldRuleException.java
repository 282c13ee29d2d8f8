package com.sladesk.system;

/** A refusal that names the field and the rule it broke, so the answer can say both. */
public abstract class FieldRuleException extends RuntimeException {

    private final String field;
    private final String rule;

    protected FieldRuleException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
