package com.sladesk.catalogue;

/** What an administrator types for a component: the code (only when creating), name, description, beta, group name. */
public record ComponentDraft(String code, String name, String description, boolean beta, String group) {
}
