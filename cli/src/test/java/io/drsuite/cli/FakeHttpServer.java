package io.drsuite.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A real HTTP server on a free loopback port (the JDK's), standing in for a service or the identity provider: each
 * path answers as a test says, and every request is recorded as it arrived (raw path, headers, body).
 */
public final class FakeHttpServer implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Function<Request, Answer>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public FakeHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers requests whose raw path (without the query) is {@code path}. */
    public FakeHttpServer on(String path, Function<Request, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    public FakeHttpServer on(String path, int status, String contentType, String body) {
        return on(path, request -> new Answer(status, contentType, body));
    }

    public List<Request> requests() {
        return requests;
    }

    public Request lastRequest() {
        return requests.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), UTF_8));
        requests.add(request);
        Function<Request, Answer> route = routes.get(request.rawPath());
        Answer answer = route == null ? new Answer(404, "text/plain", "no route") : route.apply(request);
        byte[] body = answer.body().getBytes(UTF_8);
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** A request as it arrived. */
    public record Request(String method, String rawPath, String rawQuery, String authorization, String body) {
    }

    /** What a route answers. */
    public record Answer(int status, String contentType, String body) {

        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body);
        }
    }
}
