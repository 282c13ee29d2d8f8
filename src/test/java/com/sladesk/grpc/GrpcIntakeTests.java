package com.sladesk.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.google.rpc.BadRequest;
import com.sladesk.SlaDeskTest;
import com.sladesk.grpc.v1.AcknowledgeRequest;
import com.sladesk.grpc.v1.GetIncidentRequest;
import com.sladesk.grpc.v1.Incident;
import com.sladesk.grpc.v1.IncidentEvent;
import com.sladesk.grpc.v1.IncidentsGrpc;
import com.sladesk.grpc.v1.OpenIncidentRequest;
import com.sladesk.grpc.v1.ResolveRequest;
import com.sladesk.grpc.v1.Severity;
import com.sladesk.grpc.v1.Status;
import com.sladesk.grpc.v1.WatchIncidentsRequest;
import com.sladesk.incident.Cause;
import com.sladesk.incident.IncidentService;
import com.sladesk.security.ApiTokens;
import io.grpc.CallCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gRPC intake with a real gRPC client over the network (grpc-java, Netty, the stubs
 * compiled from {@code incidents.proto}): tokens in metadata, the REST API's rules, errors as
 * status codes with {@code google.rpc.BadRequest} naming the field, and a watch that hears of
 * changes made elsewhere.
 */
@SlaDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrpcIntakeTests {

    @Autowired
    GrpcServer server;

    @Autowired
    ApiTokens tokens;

    @Autowired
    IncidentService incidents;

    ManagedChannel channel;
    String sreToken;
    String leaderToken;

    @BeforeAll
    void connect() {
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        sreToken = tokens.createPersonal("sre", "grpc-" + System.nanoTime(), List.of("read", "incidents:write"), 1).secret();
        leaderToken = tokens.createPersonal("leader", "grpc-" + System.nanoTime(), List.of("read"), 1).secret();
    }

    @AfterAll
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void anSreServiceOpensAcknowledgesAndResolvesAnIncident() {
        IncidentsGrpc.IncidentsBlockingStub sre = stub(sreToken);
        Incident opened = sre.openIncident(OpenIncidentRequest.newBuilder().setTitle("gRPC: checkout latency")
                .setSeverity(Severity.P2).addComponents("API Endpoints").setImpact("degraded").build());
        assertThat(opened.getId()).isPositive();
        assertThat(opened.getStatus()).isEqualTo(Status.OPEN);
        assertThat(opened.getComponentsList()).as("matched by name").containsExactly("api");
        assertThat(opened.getResponseDueAt().getSeconds()).isGreaterThan(opened.getOpenedAt().getSeconds());

        Incident read = stub(leaderToken).getIncident(GetIncidentRequest.newBuilder().setId(opened.getId()).build());
        assertThat(read.getTitle()).isEqualTo("gRPC: checkout latency");

        Incident acknowledged = sre.acknowledge(AcknowledgeRequest.newBuilder().setId(opened.getId()).build());
        assertThat(acknowledged.getStatus()).isEqualTo(Status.ACKNOWLEDGED);
        assertThat(acknowledged.hasAcknowledgedAt()).isTrue();
        assertThat(incidents.find(opened.getId()).orElseThrow().timeline())
                .anySatisfy(t -> assertThat(t.actor()).isEqualTo("sre"));
        assertThatThrownBy(() -> sre.acknowledge(AcknowledgeRequest.newBuilder().setId(opened.getId()).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.FAILED_PRECONDITION));

        Incident resolved = sre.resolve(ResolveRequest.newBuilder().setId(opened.getId()).setCause("third_party").build());
        assertThat(resolved.getStatus()).isEqualTo(Status.RESOLVED);
        assertThat(incidents.find(opened.getId()).orElseThrow().cause()).isEqualTo(Cause.THIRD_PARTY);
    }

    @Test
    void refusalsAreStatusCodesAndBadInputNamesTheField() {
        assertCode(() -> IncidentsGrpc.newBlockingStub(channel).getIncident(GetIncidentRequest.newBuilder().setId(1).build()),
                io.grpc.Status.Code.UNAUTHENTICATED);
        assertCode(() -> stub("sla_not-a-token").getIncident(GetIncidentRequest.newBuilder().setId(1).build()),
                io.grpc.Status.Code.UNAUTHENTICATED);
        assertCode(() -> stub(leaderToken).openIncident(OpenIncidentRequest.newBuilder().setTitle("x")
                .setSeverity(Severity.P3).build()), io.grpc.Status.Code.PERMISSION_DENIED);
        assertCode(() -> stub(sreToken).getIncident(GetIncidentRequest.newBuilder().setId(987654321).build()),
                io.grpc.Status.Code.NOT_FOUND);
        assertField(() -> stub(sreToken).openIncident(OpenIncidentRequest.newBuilder().setSeverity(Severity.P3).build()),
                "title");
        assertField(() -> stub(sreToken).openIncident(OpenIncidentRequest.newBuilder().setTitle("No severity").build()),
                "severity");
        assertField(() -> stub(sreToken).openIncident(OpenIncidentRequest.newBuilder().setTitle("Unknown part")
                .setSeverity(Severity.P3).addComponents("no-such-component").build()), "components");
        assertField(() -> stub(sreToken).resolve(ResolveRequest.newBuilder().setId(1).setCause("aliens").build()), "cause");
    }

    @Test
    void aWatchSeesTheOpenIncidentsThenChangesMadeThroughAnyDoor() throws Exception {
        BlockingQueue<IncidentEvent> events = new LinkedBlockingQueue<>();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        IncidentsGrpc.newStub(channel).withCallCredentials(bearer(leaderToken))
                .watchIncidents(WatchIncidentsRequest.newBuilder().setMinSeverity(Severity.P2).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(IncidentEvent value) {
                        events.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        failed.set(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        // opened through the REST API's service, not over gRPC
        var p1 = incidents.open(new com.sladesk.incident.NewIncident("Watched " + System.nanoTime(), null,
                com.sladesk.incident.Severity.P1, List.of("core"), com.sladesk.incident.Environment.PRODUCTION,
                com.sladesk.incident.Impact.OUTAGE, null, null), "sre");
        var p4 = incidents.open(new com.sladesk.incident.NewIncident("Too minor to watch " + System.nanoTime(), null,
                com.sladesk.incident.Severity.P4, List.of("core"), com.sladesk.incident.Environment.PRODUCTION,
                com.sladesk.incident.Impact.NONE, null, null), "sre");
        incidents.acknowledge(p1.id(), "sre");
        IncidentEvent opened = next(events, p1.id(), IncidentEvent.Kind.OPENED);
        assertThat(opened.getIncident().getSeverity()).isEqualTo(Severity.P1);
        assertThat(next(events, p1.id(), IncidentEvent.Kind.ACKNOWLEDGED).getIncident().getStatus())
                .isEqualTo(Status.ACKNOWLEDGED);
        assertThat(events).noneMatch(e -> e.getIncident().getId() == p4.id());
        assertThat(failed.get()).isNull();
        incidents.resolve(p1.id(), null, Cause.INTERNAL, "sre");
        incidents.resolve(p4.id(), null, Cause.INTERNAL, "sre");
        next(events, p1.id(), IncidentEvent.Kind.RESOLVED);
    }

    private static IncidentEvent next(BlockingQueue<IncidentEvent> events, long id, IncidentEvent.Kind kind)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            IncidentEvent e = events.poll(500, TimeUnit.MILLISECONDS);
            if (e != null && e.getIncident().getId() == id && e.getKind() == kind) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " event for incident " + id + " within 15 s");
    }

    private IncidentsGrpc.IncidentsBlockingStub stub(String token) {
        return IncidentsGrpc.newBlockingStub(channel).withCallCredentials(bearer(token))
                .withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static CallCredentials bearer(String token) {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, java.util.concurrent.Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
                applier.apply(headers);
            }
        };
    }

    private static void assertCode(Runnable call, io.grpc.Status.Code code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
            com.google.rpc.Status status = StatusProto.fromThrowable(e);
            assertThat(status).isNotNull();
            assertThat(status.getDetailsList()).singleElement().satisfies(any -> {
                try {
                    assertThat(any.unpack(BadRequest.class).getFieldViolations(0).getField()).isEqualTo(field);
                }
                catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                    throw new AssertionError(ex);
                }
            });
        });
    }
}
