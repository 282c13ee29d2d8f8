package com.sladesk.oncall.web;

import com.sladesk.oncall.Escalations;
import com.sladesk.system.IncidentSection;
import org.springframework.stereotype.Component;

/** "Who was paged" on the SRE's incident page. */
@Component
class PagesSection implements IncidentSection {

    private final Escalations escalations;

    PagesSection(Escalations escalations) {
        this.escalations = escalations;
    }

    @Override
    public String template() {
        return "oncall/pages";
    }

    @Override
    public Object data(long incidentId) {
        return escalations.pages(incidentId);
    }
}
