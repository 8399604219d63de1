package io.drsuite.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.auth.Credentials;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.config.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The five services' REST APIs, signed in: every request carries the cached access token, and an answer that is not
 * a success becomes a {@link CliFailure} with the exit code its status stands for (401/403: 4, other refusals: 3,
 * 503 and no answer at all: 5, any other server error: 1) and the problem's title and detail as its message.
 */
public final class SuiteClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final Credentials credentials;
    private final HttpClient http;
    private final ObjectMapper json;

    public SuiteClient(Settings settings, Credentials credentials, ObjectMapper json) {
        this.settings = settings;
        this.credentials = credentials;
        this.json = json;
        this.http = HttpClients.open(CONNECT_TIMEOUT);
    }

    public JsonNode get(Service service, ApiPath path) {
        return send(service, "GET", path, null).body();
    }

    public JsonNode post(Service service, ApiPath path, Object body) {
        return send(service, "POST", path, body).body();
    }

    public JsonNode put(Service service, ApiPath path, Object body) {
        return send(service, "PUT", path, body).body();
    }

    public JsonNode delete(Service service, ApiPath path) {
        return send(service, "DELETE", path, null).body();
    }

    /** A document the API also serves as HTML (a drill's report), as that page's text. */
    public String getHtml(Service service, ApiPath path) {
        URI uri = URI.create(settings.url(service) + path.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "text/html, application/problem+json")
                .header("Authorization", "Bearer " + credentials.accessToken()).GET().build();
        HttpResponse<String> response = exchange(service, uri, request);
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return response.body();
        }
        throw failure(service, response.statusCode(), parse(response.body()));
    }

    /** The whole answer of a successful request: its status, its {@code Link} header (paging), its body. */
    public Answer send(Service service, String method, ApiPath path, Object body) {
        URI uri = URI.create(settings.url(service) + path.toString());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + credentials.accessToken());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(write(body)));
        }
        HttpResponse<String> response = exchange(service, uri, request.build());
        int status = response.statusCode();
        JsonNode parsed = parse(response.body());
        if (status >= 200 && status < 300) {
            return new Answer(status, response.headers().firstValue("Link").orElse(null), parsed);
        }
        throw failure(service, status, parsed);
    }

    private HttpResponse<String> exchange(Service service, URI uri, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw CliFailure.unreachable("cannot reach " + service.serviceName() + " at " + settings.url(service)
                    + " (is the suite running? If it runs elsewhere, set --" + service.configKey() + " or "
                    + service.environmentVariable() + ")", e);
        } catch (HttpTimeoutException e) {
            throw CliFailure.unreachable(service.serviceName() + " did not answer " + uri.getPath() + " within "
                    + REQUEST_TIMEOUT.toSeconds() + " s", e);
        } catch (IOException e) {
            throw CliFailure.unreachable("cannot reach " + service.serviceName() + " at " + settings.url(service)
                    + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DETACHED, "interrupted");
        }
    }

    private CliFailure failure(Service service, int status, JsonNode problem) {
        String title = text(problem, "title");
        String detail = text(problem, "detail");
        String explained = title == null ? "HTTP " + status : title;
        if (detail != null && !detail.equals(title)) {
            explained += ": " + detail;
        }
        return switch (status) {
            case 401 -> CliFailure.notSignedIn(credentials.given()
                    ? Credentials.TOKEN_VARIABLE + " was not accepted (expired, or not issued for this suite)"
                    : "not signed in, or the session has expired: run drctl login");
            case 403 -> CliFailure.notSignedIn("forbidden: " + explained
                    + " (your role does not allow this; drctl whoami shows it)");
            case 503, 502, 504 -> new CliFailure(ExitCode.UNREACHABLE, service.serviceName() + " is not available: "
                    + explained);
            default -> status >= 500
                    ? new CliFailure(ExitCode.OPERATION_FAILED, service.serviceName() + " failed: " + explained)
                    : new CliFailure(ExitCode.REFUSED, "refused: " + explained);
        };
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return json.nullNode();
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return json.getNodeFactory().textNode(body);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request body", e);
        }
    }

    /** A successful answer. */
    public record Answer(int status, String link, JsonNode body) {
    }
}
