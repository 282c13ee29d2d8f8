package com.sladesk.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.availability.AvailabilityService;
import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.notification.Notifications;
import com.sladesk.organisation.Directory;
import com.sladesk.organisation.OrganisationInfo;
import com.sladesk.organisation.Role;
import com.sladesk.system.CommandRetry;
import com.sladesk.system.ConflictException;
import com.sladesk.system.InvalidInputException;
import com.sladesk.system.NotFoundException;
import com.sladesk.incident.IncidentService;
import com.sladesk.system.ProcessSteps;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.retry.annotation.Retryable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static com.sladesk.credit.CreditRequestProcess.*;

/** The module's API: claims, their verification, and the ledger of credits on future invoices. */
@Service
@Transactional
@Retryable(interceptor = CommandRetry.INTERCEPTOR)
public class CreditService {

    /** SLA "Credit Request Process": SREs are reminded after one business day; the claim is decided within two. */
    static final int REMINDER_BUSINESS_DAYS = 1;
    static final int DECISION_BUSINESS_DAYS = 2;

    private final CreditRequestRepository requests;
    private final CreditLedgerRepository ledger;
    private final AvailabilityService availability;
    private final CreditTiers tiers;
    private final Directory directory;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final IncidentService incidents;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditService(CreditRequestRepository requests, CreditLedgerRepository ledger, AvailabilityService availability,
            CreditTiers tiers, Directory directory, Notifications notifications, BusinessCalendar calendar,
            IncidentService incidents, ProcessSteps process, ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.ledger = ledger;
        this.availability = availability;
        this.tiers = tiers;
        this.directory = directory;
        this.notifications = notifications;
        this.calendar = calendar;
        this.incidents = incidents;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    /** A customer's claim for a month; the process computes the credit before this returns. */
    public CreditRequestView submit(long organisationId, YearMonth month, String description, List<Long> incidentIds,
            String actor) {
        Instant now = clock.instant();
        ClaimWindow.check(month, now);
        List<Long> unknown = incidents.unknownIds(incidentIds);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("incidentIds", "unknown", "no such incident: "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        if (requests.existsByOrganisationIdAndMonth(organisationId, month.toString())) {
            throw new ConflictException("your organisation already claimed " + month + "; one claim per month");
        }
        OrganisationInfo organisation = organisation(organisationId);
        Instant reminderAt = calendar.plusBusinessDays(now, REMINDER_BUSINESS_DAYS);
        Instant decisionDueAt = calendar.plusBusinessDays(now, DECISION_BUSINESS_DAYS);
        CreditRequest request = requests.saveAndFlush(new CreditRequest(organisationId, month, description.trim(),
                incidentIds, organisation.monthlyFee(), organisation.currency(), now, actor, decisionDueAt));
        process.start(KEY, request.getId(), Map.of(VAR_CREDIT_REQUEST_ID, request.getId(), VAR_REMINDER_AT, Date.from(reminderAt),
                        VAR_DECISION_DUE_AT, Date.from(decisionDueAt)));
        return request.toView(organisation.name());
    }

    /** An SRE's verification: approve (the credit is applied) or reject with a reason. */
    public CreditRequestView decide(long id, boolean approved, String reason, String actor) {
        if (!approved && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("reason", "required", "a rejection needs a reason the customer will read");
        }
        CreditRequest request = get(id);
        request.decide(approved, reason == null ? null : reason.trim(), actor, clock.instant());
        requests.saveAndFlush(request);
        process.complete(KEY, id, VERIFY, null, Map.of(VAR_APPROVED, approved),
                "credit request " + id + " is not waiting for verification");
        events.publishEvent(new CreditDecided(id, request.getOrganisationId(), approved, reason, actor));
        return view(get(id));
    }

    void compute(long id) {
        CreditRequest request = get(id);
        AvailabilityReport report = availability.month(request.getMonth());
        request.computed(report.availabilityPercent(), report.downtimeMinutes(), report.excludedMinutes(),
                tiers.percentFor(report.exactAvailabilityPercent()));
    }

    void confirmReceipt(long id) {
        CreditRequest request = get(id);
        CreditRequestView view = view(request);
        mailContacts(request, "Credit request #" + id + " for " + view.month() + " received", List.of(
                "We received your SLA credit request for " + view.month() + ".",
                "Measured availability: " + view.availabilityPercent() + "% (target " + availability.targetPercent()
                        + "%).",
                "An SRE will verify it within " + DECISION_BUSINESS_DAYS + " business days (by " + view.decisionDueAt()
                        + ")."));
    }

    void apply(long id) {
        CreditRequest request = get(id);
        Instant now = clock.instant();
        String invoiceMonth = YearMonth.from(now.atZone(ZoneOffset.UTC)).plusMonths(1).toString();
        ledger.save(new CreditLedgerEntry(request.getOrganisationId(), id, request.getCreditAmount(),
                request.getCurrency(), invoiceMonth, now, request.getDecidedBy()));
        request.applied(now);
        CreditRequestView view = view(request);
        mailContacts(request, "SLA credit request #" + id + " for " + view.month() + " approved: " + view.creditAmount()
                + " " + view.currency(), List.of(
                "Your SLA credit request for " + view.month() + " was approved.",
                "Availability " + view.availabilityPercent() + "% earns " + view.creditPercent()
                        + "% of your monthly fee: " + view.creditAmount() + " " + view.currency() + ".",
                "It is credited on your invoice for " + invoiceMonth + " (credits are never paid out in cash)."));
    }

    void reject(long id) {
        CreditRequest request = get(id);
        request.rejected();
        CreditRequestView view = view(request);
        mailContacts(request, "SLA credit request for " + view.month() + " rejected", List.of(
                "Your SLA credit request for " + view.month() + " was not approved.",
                "Reason: " + request.getReason()));
    }

    void remindSres(long id) {
        CreditRequestView view = view(get(id));
        for (String sre : directory.emailsOf(Role.SRE)) {
            notifications.queue(sre, "Reminder: credit request #" + id + " awaits verification", "message",
                    Map.of("heading", "Credit request #" + id + " (" + view.organisation() + ", " + view.month()
                            + ") awaits verification", "lines", List.of("Submitted " + view.submittedAt()
                            + "; the SLA allows " + DECISION_BUSINESS_DAYS + " business days, until " + view.decisionDueAt()
                            + ".")));
        }
    }

    void escalateToLeadership(long id) {
        CreditRequest request = get(id);
        request.escalated(clock.instant());
        CreditRequestView view = view(request);
        for (String leader : directory.emailsOf(Role.LEADERSHIP)) {
            notifications.queue(leader, "Escalation: credit request #" + id + " not decided in " + DECISION_BUSINESS_DAYS
                    + " business days",
                    "message", Map.of("heading", "Credit request #" + id + " is overdue", "lines", List.of(
                            view.organisation() + " claimed " + view.month() + " on " + view.submittedAt() + ".",
                            "It was due to be verified and applied by " + view.decisionDueAt() + ".")));
        }
    }

    /** The credit terms, as the rules that decide them state them. */
    @Transactional(readOnly = true)
    public CreditTerms terms() {
        return new CreditTerms(availability.targetPercent(), DECISION_BUSINESS_DAYS, ClaimWindow.CLAIM_PERIOD.toDays(),
                tiers.tiers());
    }

    /** Claims of one organisation (a customer) or of all (organisationId null, for staff). */
    @Transactional(readOnly = true)
    public List<CreditRequestView> list(Long organisationId) {
        List<CreditRequest> found = organisationId == null ? requests.findAllByOrderBySubmittedAtDescIdDesc()
                : requests.findByOrganisationIdOrderBySubmittedAtDescIdDesc(organisationId);
        Map<Long, String> names = directory.organisationNames(
                found.stream().map(CreditRequest::getOrganisationId).collect(Collectors.toSet()));
        return found.stream().map(r -> r.toView(names.get(r.getOrganisationId()))).toList();
    }

    /** One claim; another organisation's claim is "not found" for a customer. */
    @Transactional(readOnly = true)
    public CreditRequestView find(long id, Long organisationId) {
        CreditRequest request = get(id);
        if (organisationId != null && !organisationId.equals(request.getOrganisationId())) {
            throw new NotFoundException("Credit request", id);
        }
        return view(request);
    }

    @Transactional(readOnly = true)
    public List<LedgerEntryView> ledger() {
        List<CreditLedgerEntry> entries = ledger.findAllByOrderByCreatedAtDescIdDesc();
        Map<Long, String> names = directory.organisationNames(
                entries.stream().map(CreditLedgerEntry::getOrganisationId).collect(Collectors.toSet()));
        return entries.stream().map(e -> e.toView(names.get(e.getOrganisationId()))).toList();
    }

    /** The availability breakdown that justified a claim's amount (recomputed, for the verification page). */
    @Transactional(readOnly = true)
    public AvailabilityReport breakdown(long id, Long organisationId) {
        return availability.month(YearMonth.parse(find(id, organisationId).month()));
    }

    private void mailContacts(CreditRequest request, String subject, List<String> lines) {
        for (String contact : organisation(request.getOrganisationId()).contactEmails()) {
            notifications.queue(contact, subject, "message", Map.of("heading", subject, "lines", lines));
        }
    }

    private CreditRequest get(long id) {
        return requests.findById(id).orElseThrow(() -> new NotFoundException("Credit request", id));
    }

    private CreditRequestView view(CreditRequest request) {
        return request.toView(organisation(request.getOrganisationId()).name());
    }

    private OrganisationInfo organisation(long id) {
        return directory.findOrganisation(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

}
