package com.sladesk.postmortem;

/** What SREs write (Markdown); a field left null keeps its text. */
public record PostmortemDraft(String summary, String customerImpact, String timeline, String rootCause,
        String contributingFactors, String wentWell) {
}
