package io.drsuite.console.pages.cluster;

import io.drsuite.console.services.Service;
import io.drsuite.console.services.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks monitor-service's open routing checks what they answer a load balancer now. They need no token (a load
 * balancer has none) and answer a plain word, so they are called directly rather than through the user's API client.
 */
@ApplicationScoped
public class RoutingChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final ServiceEndpoints endpoints;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RoutingChecks(ServiceEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    public RoutingCheck check(String cluster, String node, String kind) {
        URI uri = UriBuilder.fromUri(endpoints.of(Service.MONITOR))
                .path("/api/v1/routing/clusters/{cluster}/nodes/{node}/{kind}").build(cluster, node, kind);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new RoutingCheck(node, kind, uri.toString(), answer.statusCode(), answer.body().strip());
        } catch (IOException e) {
            return new RoutingCheck(node, kind, uri.toString(), 0, "no answer");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RoutingCheck(node, kind, uri.toString(), 0, "no answer");
        }
    }
}
