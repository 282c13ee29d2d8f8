package com.sladesk.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well formed but breaks a rule of the SLA: 422, naming the field and the rule
 * so the caller can tell which clause refused it.
 */
@ResponseStatus(HttpStatus.UNPROCESSABLE_ENTITY)
public class RuleViolationException extends FieldRuleException {

    public RuleViolationException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
