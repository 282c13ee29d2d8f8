package com.sladesk.oncall;

import java.util.List;

/** A schedule as the API shows it: its layers (in order, the last wins) and its overrides still to come. */
public record ScheduleView(String code, String name, String timeZone, List<LayerDraft> layers,
        List<OverrideView> overrides) {
}
