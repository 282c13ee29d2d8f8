package com.sladesk.grpc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.Any;
import com.google.protobuf.Timestamp;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.sladesk.catalogue.ComponentCatalogue;
import com.sladesk.catalogue.ComponentInfo;
import com.sladesk.grpc.v1.AcknowledgeRequest;
import com.sladesk.grpc.v1.GetIncidentRequest;
import com.sladesk.grpc.v1.Incident;
import com.sladesk.grpc.v1.IncidentEvent;
import com.sladesk.grpc.v1.IncidentsGrpc;
import com.sladesk.grpc.v1.OpenIncidentRequest;
import com.sladesk.grpc.v1.ResolveRequest;
import com.sladesk.grpc.v1.Status;
import com.sladesk.grpc.v1.WatchIncidentsRequest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.Environment;
import com.sladesk.incident.Impact;
import com.sladesk.incident.IncidentService;
import com.sladesk.incident.IncidentStatus;
import com.sladesk.incident.IncidentView;
import com.sladesk.incident.NewIncident;
import com.sladesk.incident.Severity;
import com.sladesk.security.ApiTokens;
import com.sladesk.system.ConflictException;
import com.sladesk.system.FieldRuleException;
import com.sladesk.system.NotFoundException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code sladesk.v1.Incidents}: the same rules as the REST API (the incident service decides),
 * the same doors (writing needs an SRE's token with {@code incidents:write}, reading a staff
 * token with {@code read}), errors as gRPC status codes with {@code google.rpc} details naming
 * the field. A watch sends the open incidents, then every timeline line any node writes.
 */
@Component
class IncidentsService extends IncidentsGrpc.IncidentsImplBase {

    private static final Logger log = LoggerFactory.getLogger(IncidentsService.class);
    private static final Set<String> STAFF = Set.of("SRE", "LEADERSHIP", "CTO", "ADMIN");

    private final IncidentService incidents;
    private final ComponentCatalogue catalogue;
    private final GrpcProperties properties;
    private final Map<ServerCallStreamObserver<IncidentEvent>, Severity> watchers = new ConcurrentHashMap<>();
    private final Set<Long> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    private volatile ScheduledExecutorService poller;
    private volatile long lastId = -1;
    /** Timeline lines up to here were written before the first watch began: not news. */
    private volatile long floor = -1;

    private final java.time.Clock clock;

    IncidentsService(IncidentService incidents, ComponentCatalogue catalogue, GrpcProperties properties,
            java.time.Clock clock) {
        this.clock = clock;
        this.incidents = incidents;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    @Override
    public void openIncident(OpenIncidentRequest request, StreamObserver<Incident> response) {
        answer(response, () -> {
            ApiTokens.TokenIdentity who = writer();
            if (request.getTitle().isBlank()) {
                throw invalid("title", "required", "title is required");
            }
            if (request.getTitle().length() > 200) {
                throw invalid("title", "max-200", "title: at most 200 characters");
            }
            if (request.getSeverityValue() < 1 || request.getSeverityValue() > 4) {
                throw invalid("severity", "one-of", "severity: P1, P2, P3 or P4");
            }
            Environment environment = switch (request.getEnvironment().toLowerCase(Locale.ROOT)) {
                case "", "production" -> Environment.PRODUCTION;
                case "staging" -> Environment.STAGING;
                default -> throw invalid("environment", "one-of", "environment: production or staging");
            };
            Impact impact = switch (request.getImpact().toLowerCase(Locale.ROOT)) {
                case "", "outage" -> Impact.OUTAGE;
                case "degraded" -> Impact.DEGRADED;
                case "none" -> Impact.NONE;
                default -> throw invalid("impact", "one-of", "impact: outage, degraded or none");
            };
            NewIncident incident = new NewIncident(request.getTitle().trim(),
                    request.getDescription().isBlank() ? null : request.getDescription(),
                    Severity.valueOf(request.getSeverity().name()), codes(request.getComponentsList()), environment,
                    impact, null, null);
            return message(incidents.open(incident, who.actor()));
        });
    }

    @Override
    public void acknowledge(AcknowledgeRequest request, StreamObserver<Incident> response) {
        answer(response, () -> message(incidents.acknowledge(id(request.getId()), writer().actor())));
    }

    @Override
    public void resolve(ResolveRequest request, StreamObserver<Incident> response) {
        answer(response, () -> {
            ApiTokens.TokenIdentity who = writer();
            Cause cause = request.getCause().isBlank() ? Cause.INTERNAL : java.util.Arrays.stream(Cause.values())
                    .filter(c -> c.value().equalsIgnoreCase(request.getCause().trim())).findFirst()
                    .orElseThrow(() -> invalid("cause", "one-of", "cause: internal, third_party, customer or force_majeure"));
            return message(incidents.resolve(id(request.getId()), null, cause, who.actor()));
        });
    }

    @Override
    public void getIncident(GetIncidentRequest request, StreamObserver<Incident> response) {
        answer(response, () -> {
            reader();
            return message(find(id(request.getId())));
        });
    }

    @Override
    public void watchIncidents(WatchIncidentsRequest request, StreamObserver<IncidentEvent> response) {
        ServerCallStreamObserver<IncidentEvent> stream = (ServerCallStreamObserver<IncidentEvent>) response;
        try {
            reader();
        }
        catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        Severity min = request.getMinSeverityValue() >= 1 && request.getMinSeverityValue() <= 4
                ? Severity.valueOf(request.getMinSeverity().name()) : Severity.P4;
        try {
            startWatch(stream, min);
        }
        catch (RuntimeException e) {
            log.warn("An incident watch could not start", e);
            response.onError(io.grpc.Status.UNAVAILABLE.withDescription("the watch could not start; try again")
                    .asRuntimeException());
        }
    }

    private void startWatch(ServerCallStreamObserver<IncidentEvent> stream, Severity min) {
        synchronized (this) {
            if (lastId < 0) {
                lastId = incidents.lastChangeId();
                floor = lastId;
            }
            for (IncidentView open : incidents.list(List.of(IncidentStatus.OPEN, IncidentStatus.ACKNOWLEDGED), null, 1000)) {
                if (open.severity().compareTo(min) <= 0) {
                    stream.onNext(event(IncidentEvent.Kind.SNAPSHOT, open, clock.instant()));
                }
            }
            watchers.put(stream, min);
            stream.setOnCancelHandler(() -> watchers.remove(stream));
            if (poller == null) {
                poller = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "grpc-incident-watch");
                    t.setDaemon(true);
                    return t;
                });
                long every = properties.watchInterval().toMillis();
                poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Reads the timeline lines written since the last look, on any node, and sends each watcher
     * those at its severity and above. Ids are read again a little way back (a line whose
     * transaction committed late has a lower id than one seen); each is sent once.
     */
    void poll() {
        if (watchers.isEmpty()) {
            return;
        }
        try {
            long from = Math.max(0, lastId - 200);
            for (IncidentService.Change change : incidents.changesAfter(from, 2000)) {
                lastId = Math.max(lastId, change.entryId());
                if (change.entryId() <= floor || !seen.add(change.entryId())) {
                    continue;
                }
                trimSeen();
                Optional<IncidentView> incident = incidents.find(change.incidentId());
                if (incident.isEmpty()) {
                    continue;
                }
                IncidentEvent event = event(kind(change.action()), incident.get(), change.at());
                watchers.forEach((stream, min) -> {
                    if (incident.get().severity().compareTo(min) <= 0 && !stream.isCancelled()) {
                        try {
                            stream.onNext(event);
                        }
                        catch (RuntimeException e) {
                            watchers.remove(stream);
                        }
                    }
                });
            }
        }
        catch (RuntimeException e) {
            log.warn("The incident watch could not read changes: {}", e.getMessage());
        }
    }

    private void trimSeen() {
        synchronized (seen) {
            while (seen.size() > 10_000) {
                Long oldest = seen.iterator().next();
                seen.remove(oldest);
            }
        }
    }

    void endWatches() {
        watchers.keySet().forEach(stream -> {
            try {
                stream.onCompleted();
            }
            catch (RuntimeException ignored) {
                // the client went away first
            }
        });
        watchers.clear();
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private static IncidentEvent.Kind kind(String action) {
        return switch (action) {
            case "opened" -> IncidentEvent.Kind.OPENED;
            case "acknowledged" -> IncidentEvent.Kind.ACKNOWLEDGED;
            case "resolved" -> IncidentEvent.Kind.RESOLVED;
            default -> IncidentEvent.Kind.CHANGED;
        };
    }

    private static IncidentEvent event(IncidentEvent.Kind kind, IncidentView incident, Instant at) {
        return IncidentEvent.newBuilder().setKind(kind).setIncident(message(incident)).setAt(timestamp(at)).build();
    }

    /** Codes or names (any case) to the catalogue's codes; an unknown one goes on, for the service to refuse by name. */
    private List<String> codes(Collection<String> given) {
        List<String> codes = new ArrayList<>();
        for (String g : given) {
            codes.add(catalogue.findByCodeOrName(g).map(ComponentInfo::code).orElse(g.trim()));
        }
        return codes;
    }

    private IncidentView find(long id) {
        return incidents.find(id).orElseThrow(() -> new NotFoundException("Incident", id));
    }

    private static long id(long id) {
        if (id <= 0) {
            throw invalid("id", "positive", "id: an incident id (a positive number)");
        }
        return id;
    }

    private static ApiTokens.TokenIdentity writer() {
        ApiTokens.TokenIdentity who = TokenAuthentication.IDENTITY.get();
        if (!who.may("SRE", "incidents:write")) {
            throw io.grpc.Status.PERMISSION_DENIED.withDescription(
                    "changing incidents needs an SRE's token (or a service token) with the incidents:write scope")
                    .asRuntimeException();
        }
        return who;
    }

    private static void reader() {
        ApiTokens.TokenIdentity who = TokenAuthentication.IDENTITY.get();
        if (!STAFF.contains(who.role()) || !who.scopes().contains("read")) {
            throw io.grpc.Status.PERMISSION_DENIED.withDescription("reading incidents needs a staff token with the read scope")
                    .asRuntimeException();
        }
    }

    /** INVALID_ARGUMENT with a google.rpc.BadRequest naming the field and the rule. */
    static StatusRuntimeException invalid(String field, String rule, String message) {
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder().setCode(Code.INVALID_ARGUMENT.getNumber())
                .setMessage(message)
                .addDetails(Any.pack(BadRequest.newBuilder().addFieldViolations(BadRequest.FieldViolation.newBuilder()
                        .setField(field).setDescription(rule + ": " + message)).build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }

    private interface Call<T> {
        T run();
    }

    /** Runs the call; the service's refusals become status codes (never UNKNOWN for a rule). */
    private static <T> void answer(StreamObserver<T> response, Call<T> call) {
        T result;
        try {
            result = call.run();
        }
        catch (StatusRuntimeException e) {
            response.onError(e);
            return;
        }
        catch (FieldRuleException e) {
            response.onError(invalid(e.field(), e.rule(), e.getMessage()));
            return;
        }
        catch (NotFoundException e) {
            response.onError(io.grpc.Status.NOT_FOUND.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        catch (ConflictException e) {
            response.onError(io.grpc.Status.FAILED_PRECONDITION.withDescription(e.getMessage()).asRuntimeException());
            return;
        }
        catch (RuntimeException e) {
            log.warn("gRPC call failed", e);
            response.onError(io.grpc.Status.INTERNAL.withDescription("the call failed; it was logged").asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }

    static Incident message(IncidentView view) {
        Incident.Builder b = Incident.newBuilder().setId(view.id()).setTitle(view.title())
                .setSeverity(com.sladesk.grpc.v1.Severity.valueOf(view.severity().name()))
                .setStatus(Status.valueOf(view.status().name())).addAllComponents(view.components())
                .setOpenedAt(timestamp(view.openedAt())).setResponseDueAt(timestamp(view.responseDueAt()))
                .setResolutionDueAt(timestamp(view.resolutionDueAt()))
                .setEnvironment(view.environment().name().toLowerCase(Locale.ROOT));
        if (view.acknowledgedAt() != null) {
            b.setAcknowledgedAt(timestamp(view.acknowledgedAt()));
        }
        if (view.resolvedAt() != null) {
            b.setResolvedAt(timestamp(view.resolvedAt()));
        }
        return b.build();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }
}
