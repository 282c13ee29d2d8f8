package com.sladesk.oncall;

import java.util.List;

/** A schedule as the API and the form send it. */
public record ScheduleDraft(String code, String name, String timeZone, List<LayerDraft> layers) {
}
