package com.sladesk.catalogue;

/** A component group was renamed: whatever names it (a subscription to the group) follows. */
public record ComponentGroupRenamed(long groupId, String before, String after) {
}
