package com.sladesk.system;

/** The request is well formed but the record's current state does not allow it: 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
