package com.sladesk.oncall;

import java.util.List;

/**
 * Who is on call on one schedule: {@code now} (null: a gap), and {@code next}, the next
 * stretch with someone else or nobody; {@code gaps} are the stretches with nobody in the next 14 days.
 */
public record OnCallNow(String schedule, String name, Shift now, Shift next, List<Shift> gaps) {
}
