package io.drsuite.cli.commands.routing;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks monitor-service's open load-balancer checks ({@code /api/v1/routing/clusters/{c}/nodes/{n}/primary|replica})
 * as HAProxy would: no token, and a 503 is an answer (the node is not routable), not a failure.
 */
final class RouteProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI monitor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    RouteProbe(URI monitor) {
        this.monitor = monitor;
    }

    RouteCheck.Answer primary(String cluster, String node) {
        return ask(ApiPath.of("/api/v1/routing/clusters/{}/nodes/{}/primary", cluster, node));
    }

    RouteCheck.Answer replica(String cluster, String node) {
        return ask(ApiPath.of("/api/v1/routing/clusters/{}/nodes/{}/replica", cluster, node));
    }

    private RouteCheck.Answer ask(ApiPath path) {
        URI uri = URI.create(monitor + path.toString());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "text/plain").GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String word = response.body() == null ? "" : response.body().strip();
            if (response.statusCode() != 200 && response.statusCode() != 503) {
                throw new CliFailure(ExitCode.OPERATION_FAILED, Service.MONITOR.serviceName() + " answered "
                        + response.statusCode() + " to " + uri.getPath());
            }
            return new RouteCheck.Answer(response.statusCode(), word.contains("\n") ? word.lines().findFirst()
                    .orElse("") : word);
        } catch (IOException e) {
            throw CliFailure.unreachable("cannot reach " + Service.MONITOR.serviceName() + " at " + monitor + " ("
                    + Service.MONITOR.environmentVariable() + " or --" + Service.MONITOR.configKey()
                    + " points elsewhere)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure(ExitCode.DETACHED, "interrupted");
        }
    }
}
