package io.drsuite.monitor;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.LocalFailoverRequested;
import io.drsuite.monitor.model.LocalFailoverState;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The automatic local failover policy against real servers whose primary is killed: a primary with two standbys, one
 * of them cut off from the primary before the last writes, asks once for a failover to the other, which received
 * them; a cluster whose policy is off asks for nothing. The policy is set and read through the API.
 */
@QuarkusTest
class LocalFailoverPolicyTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void asksOnceForTheMostAdvancedStandbyWhenThePrimaryIsKilledAndNothingWhenThePolicyIsOff() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary("lf-a");
                PostgresInstance behind = primary.standby("lf-b");
                PostgresInstance ahead = primary.standby("lf-c");
                PostgresInstance offPrimary = PostgresInstance.primary("lfo-a");
                PostgresInstance offStandby = offPrimary.standby("lfo-b")) {
            primary.execute("create table t (id int, filler text)");
            behind.execute("alter system set primary_conninfo = ''", "select pg_reload_conf()");
            await().atMost(WITHIN).until(() -> behind.count("pg_stat_wal_receiver") == 0);
            primary.execute("insert into t select g, repeat('x', 200) from generate_series(1, 2000) g");
            await().atMost(WITHIN).until(() -> ahead.count("t") == 2000);

            UUID on = register("lf", primary, behind, ahead);
            UUID off = register("lfo", offPrimary, offStandby);
            policy("lf", true);
            policy("lfo", false);
            given().get("/api/v1/clusters/lf/local-failover-policy").then().statusCode(200)
                    .body("enabled", equalTo(true)).body("primaryDownSeconds", equalTo(1));
            await().atMost(WITHIN).until(() -> lastPrimaryLsnKnown(on));

            primary.killPostmaster();
            offPrimary.killPostmaster();

            List<ConsumerRecord<String, String>> requests = KafkaProbe.readAll(HealthEvents.TOPIC,
                    record -> (on.toString().equals(record.key()) || off.toString().equals(record.key()))
                            && HealthEvents.LOCAL_FAILOVER_REQUESTED.type()
                                    .equals(KafkaProbe.header(record, "ce_type")),
                    Duration.ofSeconds(4), WITHIN);
            assertThat(requests).as("one request, for the cluster whose policy is on").singleElement()
                    .satisfies(record -> assertThat(record.key()).isEqualTo(on.toString()));
            LocalFailoverRequested request = json.readValue(requests.getFirst().value(), LocalFailoverRequested.class);
            assertThat(request.clusterName()).isEqualTo("lf");
            assertThat(request.toNode()).isEqualTo("lf-c");
            await().atMost(WITHIN).until(() -> "lf-c".equals(given().get("/api/v1/clusters/lf/local-failover-policy")
                    .jsonPath().getString("lastRequestedNode")));
        }
    }

    private static void policy(String cluster, boolean enabled) {
        await().atMost(WITHIN).until(() -> given().contentType("application/json")
                .body(Map.of("enabled", enabled, "primaryDownSeconds", 1, "maxLagBytes", 16_777_216))
                .put("/api/v1/clusters/{name}/local-failover-policy", cluster).statusCode() == 200);
    }

    private static boolean lastPrimaryLsnKnown(UUID cluster) {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalFailoverState state = LocalFailoverState.findById(cluster);
            return state != null && state.lastPrimaryLsn != null;
        });
    }

    private UUID register(String name, PostgresInstance... nodes) {
        ClusterRegistered registered = ClusterEventFixtures.registered(name, sealer, nodes);
        ClusterEventFixtures.publish(ClusterEvents.REGISTERED, registered.clusterId(), registered, json);
        return registered.clusterId();
    }
}
