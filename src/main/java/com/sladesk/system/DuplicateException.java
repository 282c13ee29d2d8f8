package com.sladesk.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The value must be unique and another record already has it (a name, an e-mail, a code): 409 naming the field. */
@ResponseStatus(HttpStatus.CONFLICT)
public class DuplicateException extends FieldRuleException {

    public DuplicateException(String field, String message) {
        super(field, "unique", message);
    }
}
