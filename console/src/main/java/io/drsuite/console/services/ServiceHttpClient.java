package io.drsuite.console.services;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;

/** One HTTP client for all calls to the services: it keeps their connections open between requests. */
@ApplicationScoped
public class ServiceHttpClient {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpClient client() {
        return client;
    }
}
