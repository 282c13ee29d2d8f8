package com.sladesk.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Input that is well formed JSON but wrong for this field (an unknown component, a time in the future): 400. */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends FieldRuleException {

    public InvalidInputException(String field, String rule, String message) {
        super(field, rule, message);
    }
}
