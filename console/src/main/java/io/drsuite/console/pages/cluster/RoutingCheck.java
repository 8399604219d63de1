package io.drsuite.console.pages.cluster;

/**
 * One of monitor-service's open health checks for a load balancer, and what it answers now: 200 sends traffic to the
 * node, 503 does not; the word says why.
 *
 * @param kind {@code primary} (writes) or {@code replica} (reads)
 * @param status the HTTP status, 0 when monitor-service did not answer
 */
public record RoutingCheck(String node, String kind, String url, int status, String word) {

    public boolean routes() {
        return status == 200;
    }
}
