package io.drsuite.system;

import io.restassured.RestAssured;
import java.util.Map;

/**
 * A monitor-service process beside others on the same control-plane database and Kafka, known by its instance id
 * ({@code drsuite.monitor.instance-id}): its monitoring sessions carry the application name
 * {@code drsuite-monitor/<instance-id>}, so a node shows which replica watches it.
 */
final class MonitorReplica implements AutoCloseable {

    /** Gauges of the clusters a replica owns and the nodes it watches (polls). */
    static final String OWNED_CLUSTERS = "drsuite_monitor_owned_clusters";
    static final String WATCHED_NODES = "drsuite_monitor_watched_nodes";
    /** The poll-cycle timer: _count, _sum, _max and the quantiles 0.5 and 0.99. */
    static final String POLL_DURATION = "drsuite_poll_duration_seconds";

    private final String instanceId;
    private final ServiceProcess process;

    private MonitorReplica(String instanceId, ServiceProcess process) {
        this.instanceId = instanceId;
        this.process = process;
    }

    /** Starts the process without waiting for it to be ready; it polls every {@code pollInterval} (e.g. 2s). */
    static MonitorReplica launch(String instanceId, String pollInterval) {
        return new MonitorReplica(instanceId, ServiceProcess.launch("monitor-service", "monitor-service-" + instanceId,
                Map.of("DRSUITE_MONITOR_INSTANCE_ID", instanceId, "DRSUITE_MONITOR_POLL_INTERVAL", pollInterval),
                Map.of()));
    }

    void awaitReady() {
        process.awaitReady();
    }

    String instanceId() {
        return instanceId;
    }

    String baseUrl() {
        return process.baseUrl();
    }

    /** Its {@code /q/metrics}. */
    ScrapedMetrics metrics() {
        return metrics(process.baseUrl());
    }

    /** The open {@code /q/metrics} of the monitor-service at {@code baseUrl}. */
    static ScrapedMetrics metrics(String baseUrl) {
        return ScrapedMetrics.parse(RestAssured.given().accept("text/plain").get(baseUrl + "/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    ProcessUsage usage() {
        return ProcessUsage.of(process.pid());
    }

    /** SIGKILL, as a crash of its host would end it. */
    void kill() {
        process.kill();
    }

    @Override
    public void close() {
        process.close();
    }

    @Override
    public String toString() {
        return instanceId + " (pid " + process.pid() + ")";
    }
}
