package com.sladesk.communication.web;

import java.util.List;
import java.util.Optional;

import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.communication.ComponentImpact;
import com.sladesk.communication.PublicIncidentView;
import com.sladesk.communication.PublicIncidents;
import com.sladesk.communication.PublicStatus;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentView;
import com.sladesk.postmortem.PostmortemService;
import com.sladesk.postmortem.PostmortemStatus;
import com.sladesk.postmortem.PostmortemView;
import com.sladesk.system.IncidentSection;
import com.sladesk.system.NotFoundException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** "Public side" on the SRE's incident page: publish, post updates, publish the postmortem summary. */
@Component
@Order(0)
class PublicSideSection implements IncidentSection {

    /** What the fragment shows: the side (null before it has one), the components, and the summary ready to publish. */
    record Data(long incidentId, PublicIncidentView side, List<ComponentInfo> components, List<PublicStatus> statuses,
            List<ComponentImpact> impacts, String postmortemSummary, String suggestedTitle) {

        public ComponentImpact impactOf(String code) {
            return side == null ? null : side.components().stream().filter(c -> c.code().equals(code))
                    .map(PublicIncidentView.AffectedComponent::impact).findFirst().orElse(null);
        }
    }

    private final PublicIncidents incidents;
    private final ComponentCatalogue catalogue;
    private final PostmortemService postmortems;
    private final IncidentService internal;

    PublicSideSection(PublicIncidents incidents, ComponentCatalogue catalogue, PostmortemService postmortems,
            IncidentService internal) {
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.postmortems = postmortems;
        this.internal = internal;
    }

    @Override
    public String template() {
        return "communication/public-side";
    }

    @Override
    public Object data(long incidentId) {
        PublicIncidentView side = incidents.find(incidentId).orElse(null);
        String summary = null;
        if (side != null && side.published() && side.summaryPublishedAt() == null) {
            summary = postmortem(incidentId).filter(p -> p.status() == PostmortemStatus.APPROVED)
                    .map(PublicIncidents::customerSummary).orElse(null);
        }
        return new Data(incidentId, side, catalogue.inService(), List.of(PublicStatus.values()),
                List.of(ComponentImpact.values()), summary,
                side != null ? side.title() : internal.find(incidentId).map(IncidentView::title).orElse(""));
    }

    private Optional<PostmortemView> postmortem(long incidentId) {
        try {
            return Optional.of(postmortems.find(incidentId));
        }
        catch (NotFoundException none) {
            return Optional.empty();
        }
    }
}
