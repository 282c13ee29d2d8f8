package com.sladesk.oncall;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real HTTP receiver for the paging channels (okhttp's MockWebServer) on the port
 * application-test.yml names for the SMS and voice providers and PagerDuty: it records every
 * request and answers each path with the statuses queued for it (202 when none is queued).
 */
public final class PagingReceiver implements AutoCloseable {

    public static final int PORT = 18477;

    /** One request as received: path, headers we check (a status webhook's signature), body. */
    public record Received(String path, String contentType, String body, String signature) {
    }

    private final MockWebServer server = new MockWebServer();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<MockResponse>> answers = new ConcurrentHashMap<>();
    private final Map<String, Integer> always = new ConcurrentHashMap<>();

    public PagingReceiver() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String path = request.getPath() == null ? "" : request.getPath();
                received.add(new Received(path, request.getHeader("Content-Type"),
                        request.getBody().readString(StandardCharsets.UTF_8), request.getHeader("X-SlaDesk-Signature")));
                Deque<MockResponse> queued = answers.get(path);
                MockResponse answer = queued == null ? null : queued.poll();
                if (answer == null && always.containsKey(path)) {
                    answer = new MockResponse().setResponseCode(always.get(path)).setBody("{\"status\":\"down\"}");
                }
                return answer != null ? answer : new MockResponse().setResponseCode(202)
                        .setBody("{\"status\":\"success\",\"message\":\"Event processed\"}");
            }
        });
        server.start(InetAddress.getByName("127.0.0.1"), PORT);
    }

    /** The next answers to {@code path}, in order: statuses, or -1 for one that takes {@code slow} to come. */
    public PagingReceiver answer(String path, int... statuses) {
        Deque<MockResponse> queue = answers.computeIfAbsent(path, p -> new ArrayDeque<>());
        for (int status : statuses) {
            queue.add(status < 0
                    ? new MockResponse().setResponseCode(202).setHeadersDelay(3, TimeUnit.SECONDS)
                    : new MockResponse().setResponseCode(status).setBody("{\"status\":\"" + status + "\"}"));
        }
        return this;
    }

    /** Every answer to {@code path} once the queued ones are used: {@code status} (a receiver that is down). */
    public PagingReceiver always(String path, int status) {
        always.put(path, status);
        return this;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + PORT + path;
    }

    /** What arrived on {@code path} whose body contains {@code marker}, in order of arrival. */
    public List<Received> received(String path, String marker) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path) && r.body().contains(marker)) {
                result.add(r);
            }
        }
        return result;
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
    }
}
