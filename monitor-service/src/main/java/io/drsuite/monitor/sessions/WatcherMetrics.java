package io.drsuite.monitor.sessions;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The watchers' metrics: {@code drsuite_monitor_node_read_seconds} (one node's read, quantiles 0.5 and 0.99),
 * {@code drsuite_monitor_polls_skipped_total} ({@code cluster}: a node's poll skipped because its previous read still
 * ran), {@code drsuite_monitor_node_connects_total} ({@code cluster}: connect attempts),
 * {@code drsuite_monitor_sessions_open} (monitoring sessions held) and {@code drsuite_monitor_admin_sessions}
 * ({@code cluster}: nodes polled with the admin login rather than the monitoring role).
 */
@ApplicationScoped
class WatcherMetrics {

    private final MeterRegistry registry;
    private final Timer nodeRead;
    private final AtomicInteger openSessions = new AtomicInteger();
    private final Map<String, AtomicInteger> adminSessions = new ConcurrentHashMap<>();

    WatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.nodeRead = Timer.builder("drsuite.monitor.node.read").description("One node's read in a poll")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("drsuite.monitor.sessions.open", openSessions, AtomicInteger::get)
                .description("Monitoring sessions held to managed nodes").register(registry);
    }

    void nodeRead(Duration took) {
        nodeRead.record(took);
    }

    void skipped(String cluster) {
        registry.counter("drsuite.monitor.polls.skipped", "cluster", cluster).increment();
    }

    void connectAttempt(String cluster) {
        registry.counter("drsuite.monitor.node.connects", "cluster", cluster).increment();
    }

    void sessionOpened() {
        openSessions.incrementAndGet();
    }

    void sessionClosed() {
        openSessions.decrementAndGet();
    }

    void adminSessions(String cluster, int nodes) {
        adminSessions.computeIfAbsent(cluster, name -> {
            AtomicInteger holder = new AtomicInteger();
            Gauge.builder("drsuite.monitor.admin.sessions", holder, AtomicInteger::get).tag("cluster", name)
                    .description("Nodes of the cluster polled with its admin login, not the monitoring role")
                    .register(registry);
            return holder;
        }).set(nodes);
    }
}
