package com.sladesk.credit;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.sladesk.availability.AvailabilityReport;
import com.sladesk.calendar.BusinessCalendar;
import com.sladesk.contract.CustomerSla;
import com.sladesk.contract.PlanTerms;
import com.sladesk.contract.SlaPlans;
import com.sladesk.incident.IncidentView;
import com.sladesk.system.RuleViolationException;
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
    private final Directory directory;
    private final Notifications notifications;
    private final BusinessCalendar calendar;
    private final IncidentService incidents;
    private final ProcessSteps process;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SlaPlans plans;
    private final CustomerSla customers;
    private final EvidenceFileRepository evidence;

    CreditService(CreditRequestRepository requests, CreditLedgerRepository ledger, Directory directory,
            Notifications notifications, BusinessCalendar calendar,
            IncidentService incidents, ProcessSteps process, ApplicationEventPublisher events, Clock clock,
            SlaPlans plans, CustomerSla customers, EvidenceFileRepository evidence) {
        this.plans = plans;
        this.customers = customers;
        this.evidence = evidence;
        this.requests = requests;
        this.ledger = ledger;
        this.directory = directory;
        this.notifications = notifications;
        this.calendar = calendar;
        this.incidents = incidents;
        this.process = process;
        this.events = events;
        this.clock = clock;
    }

    /** A customer's claim for a month without attached files. */
    public CreditRequestView submit(long organisationId, YearMonth month, String description, List<Long> incidentIds,
            String actor) {
        return submit(organisationId, month, description, incidentIds, List.of(), actor);
    }

    /**
     * A customer's claim for a month, with the incidents it names as evidence (each must have
     * touched a component the contract covers) and up to 5 files; the process computes the credit
     * under the organisation's plan before this returns.
     */
    public CreditRequestView submit(long organisationId, YearMonth month, String description, List<Long> incidentIds,
            List<Evidence> files, String actor) {
        Instant now = clock.instant();
        PlanTerms terms = plans.termsFor(organisationId, month);
        ClaimWindow.check(month, now, terms.claimWindowDays());
        List<Long> unknown = incidents.unknownIds(incidentIds);
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("incidentIds", "unknown", "no such incident: "
                    + unknown.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        List<String> types = EvidenceCheck.check(files == null ? List.of() : files);
        OrganisationInfo organisation = organisation(organisationId);
        List<String> covered = customers.coveredComponents(organisation);
        for (Long incidentId : incidentIds == null ? List.<Long>of() : incidentIds) {
            IncidentView incident = incidents.find(incidentId).orElseThrow();
            if (incident.components().stream().noneMatch(covered::contains)) {
                throw new RuleViolationException("incidentIds", "not-yours", "incident " + incidentId
                        + " touched no component your contract covers (" + String.join(", ", covered) + ")");
            }
        }
        if (requests.existsByOrganisationIdAndMonth(organisationId, month.toString())) {
            throw new ConflictException("your organisation already claimed " + month + "; one claim per month");
        }
        CreditRequestView view = open(organisation, month, description, incidentIds, now, actor, false);
        for (int i = 0; i < types.size(); i++) {
            Evidence file = files.get(i);
            evidence.save(new EvidenceFile(view.id(), file.filename().trim(), types.get(i), file.content()));
        }
        return types.isEmpty() ? view : view(get(view.id()));
    }

    /**
     * On a plan with automatic credits, a month closed below target opens its credit request
     * itself (the SRE verification still applies); nothing when the month met its target or a
     * request exists. Returns the request opened, if one was.
     */
    public Optional<CreditRequestView> openAutomatically(long organisationId, YearMonth month, String actor) {
        if (requests.existsByOrganisationIdAndMonth(organisationId, month.toString())) {
            return Optional.empty();
        }
        CustomerSla.CustomerMonth figures = customers.month(organisationId, month);
        if (!figures.plan().automaticCredits() || figures.creditPercent() == 0) {
            return Optional.empty();
        }
        return Optional.of(open(figures.organisation(), month, "Opened automatically: " + month + " closed at "
                + figures.report().month().availabilityPercent() + "%, below the " + figures.plan().name()
                + " plan's target of " + figures.plan().targetPercent() + "%.", List.of(), clock.instant(), actor, true));
    }

    private CreditRequestView open(OrganisationInfo organisation, YearMonth month, String description,
            List<Long> incidentIds, Instant now, String actor, boolean automatically) {
        long organisationId = organisation.id();
        Instant reminderAt = calendar.plusBusinessDays(now, REMINDER_BUSINESS_DAYS);
        Instant decisionDueAt = calendar.plusBusinessDays(now, DECISION_BUSINESS_DAYS);
        CreditRequest created = new CreditRequest(organisationId, month, description.trim(),
                incidentIds, organisation.monthlyFee(), organisation.currency(), now, actor, decisionDueAt);
        if (automatically) {
            created.openedAutomatically();
        }
        CreditRequest request = requests.saveAndFlush(created);
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
        CustomerSla.CustomerMonth figures = customers.month(request.getOrganisationId(), request.getMonth());
        AvailabilityReport report = figures.report().month();
        request.computed(figures.plan().code(), figures.plan().targetPercent(), report.availabilityPercent(),
                report.downtimeMinutes(), report.excludedMinutes(), figures.creditPercent());
    }

    void confirmReceipt(long id) {
        CreditRequest request = get(id);
        CreditRequestView view = view(request);
        mailContacts(request, "Credit request #" + id + " for " + view.month() + " received", List.of(
                "We received your SLA credit request for " + view.month() + ".",
                "Measured availability of your components: " + view.availabilityPercent() + "% (target "
                        + view.targetPercent().stripTrailingZeros().toPlainString() + "%, " + view.plan() + " plan).",
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

    /** The SLA's own credit terms (the standard plan's), as the rules that decide them state them. */
    @Transactional(readOnly = true)
    public CreditTerms terms() {
        PlanTerms standard = plans.termsOf(SlaPlans.STANDARD, YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)));
        return new CreditTerms(standard.targetPercent(), DECISION_BUSINESS_DAYS, standard.claimWindowDays(),
                plans.tiersOf(standard));
    }

    /** The credit terms of an organisation's plan for a month. */
    @Transactional(readOnly = true)
    public CreditTerms terms(long organisationId, YearMonth month) {
        PlanTerms terms = plans.termsFor(organisationId, month);
        return new CreditTerms(terms.targetPercent(), DECISION_BUSINESS_DAYS, terms.claimWindowDays(), plans.tiersOf(terms));
    }

    /** The last instant a claim for {@code month} is accepted from this organisation (exclusive). */
    @Transactional(readOnly = true)
    public Instant claimDeadline(long organisationId, YearMonth month) {
        return ClaimWindow.closesAt(month, plans.termsFor(organisationId, month).claimWindowDays());
    }

    /** A file attached to a claim; another organisation's is "not found" for a customer. */
    @Transactional(readOnly = true)
    public Attachment attachment(long requestId, long attachmentId, Long organisationId) {
        find(requestId, organisationId);
        EvidenceFile file = evidence.findById(attachmentId).filter(f -> f.getCreditRequestId() == requestId)
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return new Attachment(file.getFilename(), file.getContentType(), file.getContent());
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

    /** Changes whenever a claim changes on this node (when the change commits): what a cached claim list is tagged with. */
    // static: called through the service's proxy, this opened a transaction and an entity manager
    // for every list read, to read one counter (a tenth of the request threads' samples at 1,000/s)
    public static long dataVersion() {
        return CreditChanges.VERSION.current();
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

    /** The incidents of {@code month} that touched a component the organisation's contract covers (claim evidence). */
    @Transactional(readOnly = true)
    public List<IncidentView> incidentsOf(long organisationId, YearMonth month) {
        List<String> covered = customers.coveredComponents(organisation(organisationId));
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = ClaimWindow.monthEnd(month);
        return incidents.overlapping(from, to, covered);
    }

    /** One organisation's credits on its invoices. */
    @Transactional(readOnly = true)
    public List<LedgerEntryView> ledger(long organisationId) {
        return ledger().stream().filter(e -> e.organisationId() == organisationId).toList();
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
        CreditRequestView claim = find(id, organisationId);
        return customers.month(claim.organisationId(), YearMonth.parse(claim.month())).report().month();
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
        return request.toView(organisation(request.getOrganisationId()).name(), evidence.infoOf(request.getId()));
    }

    private OrganisationInfo organisation(long id) {
        return directory.findOrganisation(id).orElseThrow(() -> new NotFoundException("Organisation", id));
    }

}
