package com.sladesk.oncall;

import java.time.Instant;

public record OverrideView(long id, String username, Instant startsAt, Instant endsAt, String createdBy) {
}
