package com.sladesk.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well formed but breaks a rule of the SLA: 422, naming the field and the rule
 * so the caller can tell which clause refused it.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
public class RuleViolationException extends RuntimeException {

    private final String field;
    private final String rule;

    public RuleViolationException(String field, String rule, String message) {
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
