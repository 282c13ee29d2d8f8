package com.sladesk.organisation;

/** Published when users were created or changed, so identities derived from them follow. */
public record UserAccountsChanged() {
}
