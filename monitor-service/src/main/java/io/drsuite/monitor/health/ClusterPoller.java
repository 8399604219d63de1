package io.drsuite.monitor.health;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.catalog.ownership.ClusterOwnership;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthChanged;
import io.drsuite.monitor.alert.AlertBook;
import io.drsuite.monitor.archive.WalArchiveRules;
import io.drsuite.monitor.model.WalArchiveStatus;
import io.drsuite.monitor.alert.AlertRules;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.failover.AutoFailover;
import io.drsuite.monitor.failover.LocalFailover;
import io.drsuite.monitor.routing.RelationshipSides;
import io.drsuite.monitor.routing.RoutingChecks;
import io.drsuite.monitor.routing.RoutingTable;
import io.drsuite.monitor.samples.SampleWriter;
import io.drsuite.monitor.sessions.NodeWatchers;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.monitor.model.RelationshipThreshold;
import io.drsuite.platform.outbox.EventOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Each poll: read every node of the clusters this replica watches ({@link ClusterOwnership}: replicas divide the
 * fleet), store their samples and latest health, then read the whole fleet's latest health (every replica's) for the
 * API and the load balancers' routing answers. The leading replica then derives each replicating relationship's lag
 * and RPO estimate, announces them when they changed (and every heartbeat), updates the relationship metrics, applies
 * the automatic local and cross-cluster failover policies and raises and resolves alerts (the WAL archives' too) —
 * once for the fleet. Samples are written in one statement per table per poll ({@link SampleWriter});
 * {@link io.drsuite.monitor.samples.SampleRetention} expires them.
 */
@ApplicationScoped
public class ClusterPoller {

    private static final Logger LOG = Logger.getLogger(ClusterPoller.class);

    /**
     * The phases in which a relationship gives its clusters their sides, as the catalog stores them: every one but
     * {@code stopped} (a failed-over relationship keeps the old production cluster on the DR side until reprotect).
     */
    private static final List<String> SIDED_PHASES = Arrays.stream(RelationshipPhase.values())
            .filter(phase -> phase != RelationshipPhase.STOPPED).map(RelationshipPhase::wireName).toList();

    private final NodeWatchers reader;
    private final LatestHealth latest;
    private final HealthMetrics metrics;
    private final MonitorConfig config;
    private final AlertBook alerts;
    private final EventOutbox outbox;
    private final SampleAnnouncements samples;
    private final AutoFailover autoFailover;
    private final LocalFailover localFailover;
    private final RoutingChecks routing;
    private final ClusterOwnership ownership;
    private final FleetHealth fleet;
    private final SampleWriter sampleWriter;
    private final Timer pollDuration;
    private volatile Topology lastTopology;

    ClusterPoller(NodeWatchers reader, LatestHealth latest, HealthMetrics metrics,
            MonitorConfig config, AlertBook alerts, EventOutbox outbox, SampleAnnouncements samples,
            AutoFailover autoFailover, LocalFailover localFailover, RoutingChecks routing, ClusterOwnership ownership,
            FleetHealth fleet, SampleWriter sampleWriter, MeterRegistry registry) {
        this.sampleWriter = sampleWriter;
        this.ownership = ownership;
        this.fleet = fleet;
        this.autoFailover = autoFailover;
        this.localFailover = localFailover;
        this.routing = routing;
        this.outbox = outbox;
        this.samples = samples;
        this.alerts = alerts;
        this.reader = reader;
        this.latest = latest;
        this.metrics = metrics;
        this.config = config;
        this.pollDuration = Timer.builder("drsuite.poll.duration")
                .description("One poll of the nodes this replica watches, and the fleet-wide evaluation when it leads")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    @Scheduled(every = "${drsuite.monitor.poll-interval:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
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
        Topology before = lastTopology;
        Topology topology = topology();
        if (before != null && before != topology) {
            reader.tryAtNextPoll(topology.clustersMovedSince(before));
        }
        List<KnownCluster> watched = topology.clusters().stream().filter(cluster -> ownership.owns(cluster.id))
                .toList();
        List<NodeHealth> nodes = reader.readAll(watched);
        QuarkusTransaction.requiringNew().run(() -> {
            fleet.record(nodes);
            sampleWriter.writeNodes(nodes);
        });
        metrics.watched(watched.size(), nodes);
        latest.replaceNodes(fleet.read(topology.nodeKeys()));
        routing.update(RoutingTable.of(topology.nodeNames(), topology.relationships(), latest.nodes()),
                topology.clusters());
        if (ownership.leads()) {
            evaluate(topology);
        } else {
            latest.keepRelationships(Set.of());
            metrics.keepRelationships(Set.of());
        }
    }

    /**
     * The fleet-wide part of a poll, done by the leading replica alone from every replica's latest node health:
     * relationships' health and samples, their announcements, alerts and the automatic failover policies.
     */
    private void evaluate(Topology topology) {
        Map<String, KnownCluster> byName = topology.clusters().stream()
                .collect(Collectors.toMap(cluster -> cluster.name, Function.identity()));
        List<NodeHealth> nodes = List.copyOf(latest.nodes().values());
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            fleet.forgetAllBut(topology.nodeKeys());
            LocalFailover.Decisions local = localFailover.evaluate(localObservations(topology), now);
            Set<UUID> seen = new HashSet<>();
            List<RelationshipHealth> relationships = new ArrayList<>();
            List<AutoFailover.Observation> observations = new ArrayList<>();
            Map<UUID, Integer> rpoObjectives = new HashMap<>();
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
                metrics.relationship(health, relationship.rpoObjectiveSeconds);
                rpoObjectives.put(relationship.id, relationship.rpoObjectiveSeconds);
                samples.announceIfDue(health);
                relationships.add(health);
                observations.add(new AutoFailover.Observation(relationship, health,
                        RelationshipHealthCalculator.main(primary, latest.nodes()),
                        RelationshipHealthCalculator.main(dr, latest.nodes()),
                        Optional.ofNullable(local.preferred().get(relationship.primaryCluster))));
                seen.add(relationship.id);
            }
            sampleWriter.writeRelationships(relationships);
            latest.keepRelationships(seen);
            metrics.keepRelationships(relationships.stream().map(RelationshipHealth::name)
                    .collect(Collectors.toSet()));
            samples.keep(seen);
            Map<UUID, RelationshipThreshold> thresholds = RelationshipThreshold.<RelationshipThreshold>listAll()
                    .stream().collect(Collectors.toMap(threshold -> threshold.relationshipId, Function.identity()));
            List<Breach> breaches = new ArrayList<>(AlertRules.breaches(nodes, relationships, thresholds,
                    config.alerts()));
            breaches.addAll(AlertRules.rpoObjectiveBreaches(relationships, rpoObjectives));
            breaches.addAll(local.held());
            breaches.addAll(autoFailover.evaluate(observations, now));
            breaches.addAll(WalArchiveRules.breaches(WalArchiveStatus.listAll(), byName, latest.nodes()));
            alerts.record(breaches);
        });
    }

    /**
     * The clusters and the relationships that give them sides, from the catalogs; when the control-plane database
     * cannot be read, the last ones read, so the nodes are still polled and the load balancers' checks still follow
     * them.
     */
    private Topology topology() {
        try {
            Topology read = QuarkusTransaction.requiringNew().call(() -> new Topology(KnownCluster.listByName(),
                    KnownRelationship.<KnownRelationship>list("phase in ?1", SIDED_PHASES).stream()
                            .map(RelationshipSides::of).toList()));
            lastTopology = read;
            return read;
        } catch (RuntimeException e) {
            if (lastTopology == null) {
                throw e;
            }
            LOG.warnf("Polling the clusters last read: the catalogs cannot be read (%s)", e.getMessage());
            return lastTopology;
        }
    }

    private List<LocalFailover.ClusterObservation> localObservations(Topology topology) {
        List<LocalFailover.ClusterObservation> observations = new ArrayList<>();
        for (KnownCluster cluster : topology.clusters()) {
            Optional<ClusterNode> main = cluster.nodes.stream().filter(node -> node.role() == NodeRole.PRIMARY)
                    .findFirst();
            if (main.isEmpty()) {
                continue;
            }
            Map<String, NodeHealth> health = latest.nodesOf(cluster.name).stream()
                    .collect(Collectors.toMap(NodeHealth::node, Function.identity()));
            Optional<RelationshipSides> relationship = topology.relationships().stream()
                    .filter(sides -> sides.drCluster().equals(cluster.name) || sides.primaryCluster()
                            .equals(cluster.name)).findFirst();
            observations.add(new LocalFailover.ClusterObservation(cluster.id, cluster.name, main.get().name(),
                    cluster.nodes, health, relationship));
        }
        return observations;
    }

    /** One poll's view of the catalogs. */
    private record Topology(List<KnownCluster> clusters, List<RelationshipSides> relationships) {

        /** "cluster/node" of every node, as {@link LatestHealth#key} writes them. */
        Set<String> nodeKeys() {
            return clusters.stream().flatMap(cluster -> cluster.nodes.stream()
                    .map(node -> LatestHealth.key(cluster.name, node.name()))).collect(Collectors.toSet());
        }

        Set<String> clustersMovedSince(Topology before) {
            return MovedClusters.between(before.clusters, before.relationships, clusters, relationships);
        }

        Map<String, List<String>> nodeNames() {
            Map<String, List<String>> names = new LinkedHashMap<>();
            clusters.forEach(cluster -> names.put(cluster.name,
                    cluster.nodes.stream().map(ClusterNode::name).toList()));
            return names;
        }
    }

    /** relationship-service shows the health words in its query; it hears of a change once. */
    private void announceIfChanged(RelationshipHealth before, RelationshipHealth now) {
        if (before != null && before.primaryState() == now.primaryState() && before.drState() == now.drState()
                && Objects.equals(before.reason(), now.reason())) {
            return;
        }
        outbox.record(HealthEvents.RELATIONSHIP_HEALTH_CHANGED, now.relationshipId().toString(),
                new RelationshipHealthChanged(now.relationshipId(), now.primaryState().wireName(),
                        now.drState().wireName(), now.lagBytes(), now.sampledAt(), now.reason()));
    }
}
