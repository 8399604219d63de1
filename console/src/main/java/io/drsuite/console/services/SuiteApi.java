package io.drsuite.console.services;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five services' APIs, called as the signed-in user: every request carries the user's own access token, so each
 * service decides by the user's roles and audits the user, exactly as for drctl or a script.
 *
 * <p>Paths are templates ({@code /api/v1/relationships/{id}}) whose values are encoded by {@link UriBuilder}, never
 * concatenated.
 */
@RequestScoped
public class SuiteApi {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
    private static final int MOST_PAGES = 50;

    private final ServiceEndpoints endpoints;
    private final AccessTokenCredential token;
    private final ObjectMapper json;
    private final HttpClient http;

    SuiteApi(ServiceEndpoints endpoints, AccessTokenCredential token, ObjectMapper json, ServiceHttpClient http) {
        this.endpoints = endpoints;
        this.token = token;
        this.json = json;
        this.http = http.client();
    }

    /** One resource; a 404 is empty. */
    public Optional<JsonNode> find(Service service, String pathTemplate, Object... values) {
        try {
            return Optional.of(get(service, pathTemplate, values));
        } catch (ServiceRefusal refusal) {
            if (refusal.notFound()) {
                return Optional.empty();
            }
            throw refusal;
        }
    }

    public JsonNode get(Service service, String pathTemplate, Object... values) {
        return send(service, request(uri(service, pathTemplate, Map.of(), values)).GET()).body();
    }

    /** A GET with query parameters (each encoded). */
    public JsonNode get(Service service, String pathTemplate, Map<String, Object> query, Object... values) {
        return send(service, request(uri(service, pathTemplate, query, values)).GET()).body();
    }

    /** Every item of a paged list, following its {@code Link: rel="next"} headers. */
    public ArrayNode list(Service service, String pathTemplate, Map<String, Object> query, Object... values) {
        ArrayNode all = json.createArrayNode();
        URI next = uri(service, pathTemplate, query, values);
        for (int page = 0; next != null && page < MOST_PAGES; page++) {
            Answer answer = send(service, request(next).GET());
            answer.body().forEach(all::add);
            next = answer.next().map(link -> resolve(service, link)).orElse(null);
        }
        return all;
    }

    /**
     * Every page of a paged answer whose body is an object (a history with its samples), following its
     * {@code Link: rel="next"} headers, at most {@code mostPages}.
     */
    public List<JsonNode> pages(Service service, int mostPages, String pathTemplate, Map<String, Object> query,
            Object... values) {
        List<JsonNode> pages = new ArrayList<>();
        URI next = uri(service, pathTemplate, query, values);
        for (int page = 0; next != null && page < Math.min(mostPages, MOST_PAGES); page++) {
            Answer answer = send(service, request(next).GET());
            pages.add(answer.body());
            next = answer.next().map(link -> resolve(service, link)).orElse(null);
        }
        return pages;
    }

    /** A resource the service also serves as a page of its own (a drill's report), as that page's HTML. */
    public String page(Service service, String pathTemplate, Object... values) {
        HttpResponse<String> response = exchange(service, request(uri(service, pathTemplate, Map.of(), values))
                .setHeader("Accept", "text/html"));
        if (response.statusCode() >= 400) {
            throw ServiceRefusal.of(service, response.statusCode(), read(response.body()));
        }
        return response.body();
    }

    public JsonNode post(Service service, Object body, String pathTemplate, Object... values) {
        return send(service, request(uri(service, pathTemplate, Map.of(), values))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))).body();
    }

    public JsonNode put(Service service, Object body, String pathTemplate, Object... values) {
        return send(service, request(uri(service, pathTemplate, Map.of(), values))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(write(body)))).body();
    }

    public JsonNode delete(Service service, String pathTemplate, Map<String, Object> query, Object... values) {
        return send(service, request(uri(service, pathTemplate, query, values)).DELETE()).body();
    }

    private URI uri(Service service, String pathTemplate, Map<String, Object> query, Object... values) {
        UriBuilder builder = UriBuilder.fromUri(endpoints.of(service)).path(pathTemplate);
        query.forEach((name, value) -> {
            if (value != null) {
                builder.queryParam(name, value);
            }
        });
        return builder.build(values);
    }

    /** A next link is the service's own (absolute or relative); only its path and query are kept. */
    private URI resolve(Service service, String link) {
        URI target = URI.create(link);
        return UriBuilder.fromUri(endpoints.of(service)).replacePath(target.getRawPath())
                .replaceQuery(target.getRawQuery()).build();
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(endpoints.timeout())
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token.getToken())
                .header("User-Agent", "drsuite-console");
    }

    private Answer send(Service service, HttpRequest.Builder request) {
        HttpResponse<String> response = exchange(service, request);
        JsonNode body = read(response.body());
        if (response.statusCode() >= 400) {
            throw ServiceRefusal.of(service, response.statusCode(), body);
        }
        Optional<String> next = response.headers().allValues("Link").stream().map(NEXT_LINK::matcher)
                .filter(Matcher::find).map(matcher -> matcher.group(1)).findFirst();
        return new Answer(body, next);
    }

    private HttpResponse<String> exchange(Service service, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ServiceRefusal.unreachable(service, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceRefusal.unreachable(service, e);
        }
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body == null ? Map.of() : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private record Answer(JsonNode body, Optional<String> next) {
    }
}
