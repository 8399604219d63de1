package io.drsuite.monitor.health;

import io.drsuite.catalog.ClusterCatalog;
import io.drsuite.catalog.KnownCluster;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.monitor.alert.AlertBook;
import io.drsuite.monitor.alert.AlertRules;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.model.KnownRelationship;
import io.drsuite.monitor.model.NodeSample;
import io.drsuite.monitor.model.RelationshipSample;
import io.drsuite.monitor.model.RelationshipThreshold;
import io.drsuite.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Each poll: read every node of every known cluster, store the samples, derive each replicating relationship's
 * lag and RPO estimate, update the metrics, raise and resolve alerts. Samples older than the retention are removed.
 */
@ApplicationScoped
public class ClusterPoller {

    private static final Logger LOG = Logger.getLogger(ClusterPoller.class);

    private final ClusterCatalog catalog;
    private final NodeHealthReader reader;
    private final LatestHealth latest;
    private final HealthMetrics metrics;
    private final MonitorConfig config;
    private final AlertBook alerts;
    private final EventOutbox outbox;
    private final Timer pollDuration;

    ClusterPoller(ClusterCatalog catalog, NodeHealthReader reader, LatestHealth latest, HealthMetrics metrics,
            MonitorConfig config, AlertBook alerts, EventOutbox outbox, MeterRegistry registry) {
        this.catalog = catalog;
        this.outbox = outbox;
        this.alerts = alerts;
        this.reader = reader;
        this.latest = latest;
        this.metrics = metrics;
        this.config = config;
        this.pollDuration = Timer.builder("drsuite.poll.duration").description("One poll of every node")
                .register(registry);
    }

    @Scheduled(every = "${drsuite.monitor.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        pollDuration.record(() -> {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warnf("Poll failed: %s", e.getMessage());
            }
        });
    }

    private void pollOnce() {
        List<KnownCluster> clusters = catalog.clusters();
        List<NodeHealth> nodes = reader.readAll(clusters);
        latest.replaceNodes(nodes);
        nodes.forEach(metrics::node);
        Map<String, KnownCluster> byName = clusters.stream()
                .collect(Collectors.toMap(cluster -> cluster.name, Function.identity()));
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            nodes.forEach(node -> NodeSample.of(node).persist());
            Set<UUID> seen = new HashSet<>();
            List<RelationshipHealth> relationships = new ArrayList<>();
            for (KnownRelationship relationship : KnownRelationship.replicating()) {
                KnownCluster primary = byName.get(relationship.primaryCluster);
                KnownCluster dr = byName.get(relationship.drCluster);
                if (primary == null || dr == null) {
                    continue;
                }
                RelationshipHealth health = RelationshipHealthCalculator.of(relationship, primary, dr,
                        latest.nodes(), now);
                announceIfChanged(latest.relationship(relationship.id).orElse(null), health);
                latest.putRelationship(health);
                metrics.relationship(health);
                RelationshipSample.of(health).persist();
                relationships.add(health);
                seen.add(relationship.id);
            }
            latest.keepRelationships(seen);
            Map<UUID, RelationshipThreshold> thresholds = RelationshipThreshold.<RelationshipThreshold>listAll()
                    .stream().collect(Collectors.toMap(threshold -> threshold.relationshipId, Function.identity()));
            alerts.record(AlertRules.breaches(nodes, relationships, thresholds, config.alerts()));
        });
    }

    /** relationship-service shows the health words in its query; it hears of a change once. */
    private void announceIfChanged(RelationshipHealth before, RelationshipHealth now) {
        if (before != null && before.primaryState().equals(now.primaryState())
                && before.drState().equals(now.drState())) {
            return;
        }
        outbox.record(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, now.relationshipId().toString(),
                new RelationshipHealthChanged(now.relationshipId(), now.primaryState(), now.drState(),
                        now.lagBytes(), now.sampledAt()));
    }

    @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void removeExpiredSamples() {
        Instant before = Instant.now().minus(config.rawRetention());
        QuarkusTransaction.requiringNew().run(() -> {
            NodeSample.delete("sampledAt < ?1", before);
            RelationshipSample.delete("sampledAt < ?1", before);
        });
    }
}
