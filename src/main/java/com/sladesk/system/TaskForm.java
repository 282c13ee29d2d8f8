package com.sladesk.system;

/**
 * Where a person decides the user tasks of one process: each module that owns a process with user
 * tasks contributes one as a bean, and the task inbox links every task to its form, the business
 * key (the record's id) appended to {@code link}.
 */
public record TaskForm(String processKey, String link) {

    public String linkTo(String businessKey) {
        return link + businessKey;
    }
}
