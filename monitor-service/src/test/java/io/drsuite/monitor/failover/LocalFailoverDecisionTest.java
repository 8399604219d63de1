package io.drsuite.monitor.failover;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.LocalFailoverRequested;
import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.monitor.alert.AlertRule;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.model.LocalFailoverPolicy;
import io.drsuite.monitor.model.LocalFailoverState;
import io.drsuite.monitor.routing.RelationshipSides;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.testing.KafkaProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The automatic local failover decision as production runs it: two monitor-service replicas taking turns over one
 * outage ask once, for the standby holding the most WAL; a primary that answers again ends the outage and a new
 * main node starts afresh; the conditions that hold it back say why. Each {@link LocalFailover} built here stands for
 * one instance; what they share is the control-plane database.
 */
@QuarkusTest
class LocalFailoverDecisionTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** How long a test that expects no request listens for one (the outbox relay publishes within a second). */
    private static final Duration NONE_WITHIN = Duration.ofSeconds(4);

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper json;

    @Test
    void twoInstancesTakingTurnsOverOneOutageAskOnceForTheMostAdvancedStandby() throws Exception {
        UUID cluster = clusterWithPolicy(1, 16_000_000);
        LocalFailover first = instance();
        LocalFailover second = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        decide(first, cluster, "a", start, up(10_000), streaming(9_000), streaming(10_000));
        decide(second, cluster, "a", start.plusSeconds(1), down(), lost(9_000), lost(10_000));
        decide(first, cluster, "a", start.plusSeconds(2), down(), lost(9_000), lost(10_000));
        decide(second, cluster, "a", start.plusSeconds(3), down(), lost(9_000), lost(10_000));
        decide(first, cluster, "a", start.plusSeconds(4), down(), lost(9_000), lost(10_000));

        List<ConsumerRecord<String, String>> requests = requests(cluster, WITHIN);
        assertThat(requests).as("one outage, one request").hasSize(1);
        LocalFailoverRequested request = json.readValue(requests.getFirst().value(), LocalFailoverRequested.class);
        assertThat(request.toNode()).isEqualTo("c");
        assertThat(request.clusterName()).isEqualTo(name(cluster));
        assertThat(request.reason()).contains("c holds the most WAL");
        LocalFailoverPolicy policy = QuarkusTransaction.requiringNew()
                .call(() -> LocalFailoverPolicy.<LocalFailoverPolicy>findById(cluster));
        assertThat(policy.lastRequestedNode).isEqualTo("c");
        assertThat(policy.lastRequestedAt).isEqualTo(start.plusSeconds(2));
    }

    @Test
    void aPrimaryAnsweringAgainEndsTheOutageAndANewMainNodeStartsAfresh() {
        UUID cluster = clusterWithPolicy(1, 16_000_000);
        LocalFailover instance = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        decide(instance, cluster, "a", start, up(10_000), streaming(10_000), streaming(10_000));
        decide(instance, cluster, "a", start.plusSeconds(1), down(), lost(10_000), lost(10_000));
        decide(instance, cluster, "a", start.plusMillis(2500), up(12_000), streaming(12_000), streaming(12_000));

        LocalFailoverState state = state(cluster);
        assertThat(state.primaryDownSince).isNull();
        assertThat(state.lastPrimaryLsn).isEqualTo(12_000);

        decide(instance, cluster, "b", start.plusSeconds(3), down(), up(12_500), lost(12_000));
        state = state(cluster);
        assertThat(state.mainNode).isEqualTo("b");
        assertThat(state.lastPrimaryLsn).as("the new primary's position").isEqualTo(12_500);
        assertThat(requests(cluster, NONE_WITHIN)).isEmpty();
    }

    @Test
    void whatHoldsItBackIsSaidOnceThePrimaryIsDownLongEnough() {
        UUID cluster = clusterWithPolicy(1, 1000);
        LocalFailover instance = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        decide(instance, cluster, "a", start, up(100_000), streaming(50_000), streaming(90_000));
        assertThat(decide(instance, cluster, "a", start.plusSeconds(1), down(), lost(50_000), lost(90_000)).held())
                .as("not down long enough yet").isEmpty();

        LocalFailover.Decisions tooFar = decide(instance, cluster, "a", start.plusSeconds(2), down(), lost(50_000),
                lost(90_000));
        assertThat(tooFar.held()).singleElement().satisfies(breach -> {
            assertThat(breach.rule()).isEqualTo(AlertRule.LOCAL_FAILOVER_HELD);
            assertThat(breach.detail()).contains("the most advanced standby c is 10000 bytes behind");
        });
        assertThat(tooFar.preferred()).as("no candidate: a cross-cluster failover may go ahead").isEmpty();

        LocalFailover.Decisions witness = decide(instance, cluster, "a", start.plusSeconds(3), down(),
                lost(100_000), streaming(100_000));
        assertThat(witness.held()).singleElement()
                .satisfies(breach -> assertThat(breach.detail()).contains("c still streams from the primary"));
        assertThat(requests(cluster, NONE_WITHIN)).isEmpty();
    }

    @Test
    void aClusterOnTheDrSideOrInAMovingRelationshipIsNotFailedOverLocally() {
        UUID cluster = clusterWithPolicy(1, 16_000_000);
        LocalFailover instance = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RelationshipSides drSide = new RelationshipSides("rel", RelationshipPhase.ACTIVE, "prod", name(cluster));
        decide(instance, cluster, start, drSide, up(10_000), streaming(10_000), streaming(10_000));
        decide(instance, cluster, start.plusSeconds(1), drSide, down(), lost(10_000), lost(10_000));
        assertThat(decide(instance, cluster, start.plusSeconds(2), drSide, down(), lost(10_000), lost(10_000)).held())
                .singleElement().satisfies(breach -> assertThat(breach.detail())
                        .contains("the cluster is the DR side of relationship rel"));

        RelationshipSides switching = new RelationshipSides("rel", RelationshipPhase.SWITCHING_OVER, name(cluster),
                "dr");
        LocalFailover.Decisions moving = decide(instance, cluster, start.plusSeconds(3), switching, down(),
                lost(10_000), lost(10_000));
        assertThat(moving.held()).singleElement().satisfies(breach -> assertThat(breach.detail())
                .contains("relationship rel is switching_over, not active"));
        assertThat(moving.preferred()).isEmpty();
        assertThat(requests(cluster, NONE_WITHIN)).isEmpty();
    }

    private LocalFailover instance() {
        return new LocalFailover(outbox, registry);
    }

    private static UUID clusterWithPolicy(int primaryDownSeconds, long maxLagBytes) {
        UUID cluster = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            LocalFailoverPolicy policy = LocalFailoverPolicy.off(cluster);
            policy.enabled = true;
            policy.primaryDownSeconds = primaryDownSeconds;
            policy.maxLagBytes = maxLagBytes;
            policy.persist();
        });
        return cluster;
    }

    private static String name(UUID cluster) {
        return "local-" + cluster.toString().substring(0, 8);
    }

    /** One poll of nodes a, b and c (a registered first), with main node {@code main}. */
    private static LocalFailover.Decisions decide(LocalFailover instance, UUID cluster, String main, Instant now,
            Sample a, Sample b, Sample c) {
        return decide(instance, cluster, main, now, null, a, b, c);
    }

    private static LocalFailover.Decisions decide(LocalFailover instance, UUID cluster, Instant now,
            RelationshipSides relationship, Sample a, Sample b, Sample c) {
        return decide(instance, cluster, "a", now, relationship, a, b, c);
    }

    private static LocalFailover.Decisions decide(LocalFailover instance, UUID cluster, String main, Instant now,
            RelationshipSides relationship, Sample a, Sample b, Sample c) {
        List<ClusterNode> nodes = List.of(node("a", 5001, main), node("b", 5002, main), node("c", 5003, main));
        Map<String, NodeHealth> health = Map.of("a", a.of(name(cluster), "a", now), "b", b.of(name(cluster), "b", now),
                "c", c.of(name(cluster), "c", now));
        return QuarkusTransaction.requiringNew().call(() -> instance.evaluate(List.of(
                new LocalFailover.ClusterObservation(cluster, name(cluster), main, nodes, health,
                        Optional.ofNullable(relationship))),
                now));
    }

    private static ClusterNode node(String name, int port, String main) {
        return new ClusterNode(name, "127.0.0.1", port, "/data/" + name,
                name.equals(main) ? NodeRole.PRIMARY : NodeRole.STANDBY,
                new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null));
    }

    /** How one node looked at a poll. */
    private interface Sample {
        NodeHealth of(String cluster, String node, Instant at);
    }

    private static Sample up(long lsn) {
        return (cluster, node, at) -> new NodeHealth(cluster, node, at, true, null, false, 1, new Lsn(lsn), null, null,
                null, null, null, List.of(), List.of(), List.of(), null, null);
    }

    private static Sample down() {
        return (cluster, node, at) -> NodeHealth.unreachable(cluster, node, "connection refused");
    }

    /** A standby streaming from the primary, node a at port 5001. */
    private static Sample streaming(long lsn) {
        return standby(lsn, WalReceiver.Status.STREAMING, "127.0.0.1:5001");
    }

    private static Sample lost(long lsn) {
        return standby(lsn, WalReceiver.Status.WAITING, null);
    }

    private static Sample standby(long lsn, WalReceiver.Status receiver, String upstream) {
        return (cluster, node, at) -> new NodeHealth(cluster, node, at, true, null, true, 1, null, new Lsn(lsn),
                new Lsn(lsn), null, receiver, null, List.of(), List.of(), List.of(), null, upstream);
    }

    private static LocalFailoverState state(UUID cluster) {
        return QuarkusTransaction.requiringNew().call(() -> LocalFailoverState.<LocalFailoverState>findById(cluster));
    }

    private static List<ConsumerRecord<String, String>> requests(UUID cluster, Duration within) {
        return KafkaProbe.readAll(HealthEvents.TOPIC, record -> cluster.toString().equals(record.key())
                && HealthEvents.LOCAL_FAILOVER_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")),
                QUIET, within);
    }
}
