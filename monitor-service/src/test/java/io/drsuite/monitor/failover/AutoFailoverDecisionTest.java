package io.drsuite.monitor.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.clusterclient.sql.WalReceiver;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.monitor.alert.AlertRule;
import io.drsuite.monitor.alert.Breach;
import io.drsuite.events.relationship.ClusterState;
import io.drsuite.monitor.health.NodeHealth;
import io.drsuite.monitor.health.RelationshipHealth;
import io.drsuite.monitor.model.AutoFailoverState;
import io.drsuite.monitor.model.FailoverPolicy;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.relationships.KnownRelationship;
import io.drsuite.testing.KafkaProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The automatic failover decision as production runs it: two monitor-service replicas taking turns over one outage,
 * and an instance that restarts in the middle of one. Each {@link AutoFailover} built here stands for one instance;
 * what they share is the control-plane database, as the replicas do.
 */
@QuarkusTest
class AutoFailoverDecisionTest {

    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Inject
    EventOutbox outbox;

    @Test
    void twoInstancesTakingTurnsOverOneOutageRequestOneFailover() {
        KnownRelationship relationship = relationshipWithPolicy("two-deciders");
        AutoFailover first = instance();
        AutoFailover second = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        decide(first, relationship, true, start);
        decide(second, relationship, true, start.plusSeconds(1));
        decide(first, relationship, false, start.plusSeconds(2));
        decide(first, relationship, false, start.plusSeconds(4));
        decide(second, relationship, false, start.plusSeconds(5));
        decide(second, relationship, false, start.plusSeconds(7));
        decide(first, relationship, false, start.plusSeconds(8));

        assertThat(failoverRequests(relationship.id)).as("one outage, one failover request").hasSize(1);
    }

    @Test
    void anInstanceRestartedDuringAnOutageContinuesItFromTheStoredState() {
        KnownRelationship relationship = relationshipWithPolicy("restarted");
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AutoFailover beforeRestart = instance();
        decide(beforeRestart, relationship, true, start);
        decide(beforeRestart, relationship, false, start.plusSeconds(1));

        AutoFailover afterRestart = instance();
        decide(afterRestart, relationship, false, start.plusMillis(2500));

        assertThat(failoverRequests(relationship.id))
                .as("the primary has been down 1.5 s of the allowed 1 s, counted from before the restart")
                .hasSize(1);
        AutoFailoverState state = QuarkusTransaction.requiringNew()
                .call(() -> AutoFailoverState.<AutoFailoverState>findById(relationship.id));
        assertThat(state.primaryDownSince).isEqualTo(start.plusSeconds(1));
        assertThat(state.failedPolls).isEqualTo(2);
        assertThat(state.lastLagBytes).isEqualTo(100);
        assertThat(state.failoverRequested()).isTrue();
    }

    /**
     * The production cluster's local failover policy has a candidate: the cross-cluster failover waits, saying why,
     * while the local one is not asked for yet and for the policy's primaryDownSeconds after it was; then it goes.
     */
    @Test
    void aLocalCandidateOfTheProductionClusterIsPreferredUntilItHadItsTime() {
        KnownRelationship relationship = relationshipWithPolicy("local-first");
        AutoFailover instance = instance();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        decide(instance, relationship, true, start);
        LocalFailover.Preference notAsked = new LocalFailover.Preference(relationship.primaryCluster, "node-b", null);
        decide(instance, relationship, false, start.plusSeconds(1), notAsked);

        List<Breach> held = decide(instance, relationship, false, start.plusSeconds(3), notAsked);
        assertThat(held).singleElement().satisfies(breach -> {
            assertThat(breach.rule()).isEqualTo(AlertRule.AUTO_FAILOVER_HELD);
            assertThat(breach.detail()).contains("local failover of " + relationship.primaryCluster
                    + " to its standby node-b is preferred");
        });
        LocalFailover.Preference asked = new LocalFailover.Preference(relationship.primaryCluster, "node-b",
                start.plusSeconds(3));
        assertThat(decide(instance, relationship, false, start.plusMillis(3500), asked)).hasSize(1);
        assertThat(KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.id.toString().equals(record.key())
                && HealthEvents.FAILOVER_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")), QUIET,
                Duration.ofSeconds(4))).as("no cross-cluster request while the local one has its time").isEmpty();

        assertThat(decide(instance, relationship, false, start.plusSeconds(5), asked)).isEmpty();
        assertThat(failoverRequests(relationship.id)).as("the primary is still gone 2 s after the local request")
                .hasSize(1);
    }

    private AutoFailover instance() {
        return new AutoFailover(outbox);
    }

    private static KnownRelationship relationshipWithPolicy(String name) {
        KnownRelationship relationship = new KnownRelationship();
        relationship.id = UUID.randomUUID();
        relationship.name = name + "-" + relationship.id.toString().substring(0, 8);
        relationship.phase = "active";
        relationship.primaryCluster = relationship.name + "-prod";
        relationship.drCluster = relationship.name + "-dr";
        relationship.syncMode = "async";
        relationship.changedAt = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            FailoverPolicy policy = new FailoverPolicy();
            policy.relationshipId = relationship.id;
            policy.enabled = true;
            policy.primaryDownSeconds = 1;
            policy.maxDataLossBytes = 16_000_000;
            policy.persist();
        });
        return relationship;
    }

    /** One poll as one instance sees it: the primary up (lag 100 bytes) or gone, the DR standby up but cut off. */
    private static void decide(AutoFailover instance, KnownRelationship relationship, boolean primaryUp,
            Instant now) {
        decide(instance, relationship, primaryUp, now, null);
    }

    private static List<Breach> decide(AutoFailover instance, KnownRelationship relationship, boolean primaryUp,
            Instant now, LocalFailover.Preference local) {
        NodeHealth primary = primaryUp
                ? node(relationship.primaryCluster, now, false, null)
                : NodeHealth.unreachable(relationship.primaryCluster, relationship.primaryCluster, "refused");
        NodeHealth standby = node(relationship.drCluster, now, true,
                primaryUp ? WalReceiver.Status.STREAMING : WalReceiver.Status.WAITING);
        RelationshipHealth health = new RelationshipHealth(relationship.id, relationship.name, now,
                primaryUp ? 100L : null, 0.0, 0.0, ClusterState.primaryLink(primaryUp), ClusterState.drLink(primaryUp),
                null);
        return QuarkusTransaction.requiringNew().call(() -> instance.evaluate(List.of(new AutoFailover.Observation(
                relationship, health, Optional.of(primary), Optional.of(standby), Optional.ofNullable(local))), now));
    }

    private static NodeHealth node(String cluster, Instant now, boolean inRecovery,
            WalReceiver.Status walReceiver) {
        return new NodeHealth(cluster, cluster, now, true, null, inRecovery, 1, null, null, null, null, walReceiver,
                null, List.of(), List.of(), List.of(), null, null);
    }

    private static List<?> failoverRequests(UUID relationship) {
        return KafkaProbe.readAll(HealthEvents.TOPIC, record -> relationship.toString().equals(record.key())
                && HealthEvents.FAILOVER_REQUESTED.type().equals(KafkaProbe.header(record, "ce_type")), QUIET, WITHIN);
    }
}
