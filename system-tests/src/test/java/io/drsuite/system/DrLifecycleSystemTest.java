package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.audit.AuditEvents;
import io.drsuite.events.relationship.RelationshipEvents;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.SignedIn;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One relationship through its whole life, one API call per operation, with relationship-, task- and
 * monitor-service running as processes: start, query, a DR node down and up again (monitor-service's health words
 * reach the relationship), switchover under load and back, failover after the primary's postmaster is killed,
 * reprotect with pg_rewind, stop.
 */
@Order(4)
class DrLifecycleSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void startSwitchoverFailoverReprotectStop() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("sys-prod");
                PostgresInstance dr = PostgresInstance.primary("sys-dr")) {
            prod.execute("create table payments (id int primary key, amount numeric)",
                    "insert into payments select g, g * 1.5 from generate_series(1, 20000) g");
            api.register("sys-prod", prod);
            api.register("sys-dr", dr);

            String[] created = api.create("sys", "sys-prod", "sys-dr", "async");
            String id = created[0];
            JsonPath active = api.awaitPhase(id, "active", created[1]);
            assertThat(active.getString("clusters[0].name")).isEqualTo("sys-prod");
            assertThat(active.getString("clusters[0].state")).isEqualTo("archive");
            assertThat(active.getString("clusters[1].role")).isEqualTo("disaster_standby");
            assertThat(active.getString("clusters[1].state")).isEqualTo("recovery");
            assertThat(active.getBoolean("lag.drStreaming")).isTrue();
            assertThat(active.getLong("lag.bytes")).isGreaterThanOrEqualTo(0);
            assertThat(dr.count("payments")).isEqualTo(20000);
            assertThatThrownBy(() -> dr.execute("delete from payments")).hasMessageContaining("read-only");

            dr.killPostmaster();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "recovery_fail".equals(api.listed(id, "clusters[1].state")));
            assertThat(api.query(id).getString("clusters[1].state")).isEqualTo("recovery_fail");
            dr.start();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> "recovery".equals(api.listed(id, "clusters[1].state")));

            switchoverUnderLoad(id, prod, dr);
            var asked = api.operateAs(SignedIn.OPERATOR, id, "switchover", Map.of());
            String back = asked.jsonPath().getString("taskId");
            assertThat(api.awaitPhase(id, "active", back).getString("clusters[0].name")).isEqualTo("sys-prod");
            theOperatorIsBehindTheSwitchoverEverywhere(id, back, asked.header("X-Correlation-Id"));
            assertThat(prod.inRecovery()).isFalse();
            assertThat(dr.inRecovery()).isTrue();

            prod.killPostmaster();
            var failoverAsked = api.operateAs(SignedIn.ADMIN, id, "failover",
                    Map.of("reason", "system test: sys-prod is lost"));
            String failover = failoverAsked.jsonPath().getString("taskId");
            JsonPath failoverAudit = api.audit(suite.relationships, failoverAsked.header("X-Correlation-Id"));
            assertThat(failoverAudit.getString("[0].reason")).isEqualTo("system test: sys-prod is lost");
            assertThat(failoverAudit.getString("[0].actor.name")).isEqualTo(SignedIn.ADMIN);
            JsonPath failedOver = api.awaitPhase(id, "failed_over", failover);
            assertThat(failedOver.getString("clusters[0].name")).isEqualTo("sys-dr");
            assertThat(failedOver.getInt("failoverPercent")).isEqualTo(100);
            assertThat(failedOver.getString("estimatedDataLossBytes")).isNotNull();
            dr.execute("insert into payments values (-1, 0)");

            String reprotect = api.accepted(id, "reprotect");
            JsonPath reprotected = api.awaitPhase(id, "active", reprotect);
            assertThat(reprotected.getString("clusters[0].name")).isEqualTo("sys-dr");
            assertThat(reprotected.getString("clusters[1].name")).isEqualTo("sys-prod");
            assertThat(api.task(reprotect).getMap("steps.find { it.name == 'rewind-main-standby' }.artifacts"))
                    .containsEntry("rebuildMethod", "rewind");
            assertThat(prod.inRecovery()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> prod.count("payments where id = -1") == 1);

            String stop = api.operate(id, "stop", Map.of("promoteDr", false)).statusCode(202)
                    .extract().jsonPath().getString("taskId");
            api.awaitPhase(id, "stopped", stop);
            assertThat(dr.count("pg_replication_slots")).isZero();
            assertThat(prod.inRecovery()).as("left as a detached read-only copy").isTrue();
            assertThat(dr.streamingStandbys().containsKey("drsuite_sys")).isFalse();

            assertThat(KafkaProbe.readAll(RelationshipEvents.TOPIC, record -> id.equals(record.key()),
                    Duration.ofMillis(500), Duration.ofSeconds(20)))
                    .extracting(record -> record.value().replaceAll(".*\"phase\":\"([a-z_]+)\".*", "$1"))
                    .contains("starting", "active", "switching_over", "failing_over", "failed_over",
                            "reprotecting", "stopping", "stopped");
            assertNoPasswordIn(suite.relationships.log());
            assertNoPasswordIn(suite.tasks.log());
        }
    }

    /**
     * The person behind a switchover is on its task, on the relationship's events and in the audit logs of
     * relationship-service (the request) and task-service (the task it accepted), all under the request's
     * correlation id; the audit records also went out on drsuite.audit.
     */
    private void theOperatorIsBehindTheSwitchoverEverywhere(String id, String taskId, String correlationId) {
        assertThat(correlationId).isNotBlank();
        JsonPath task = api.task(taskId);
        assertThat(task.getString("requestedBy")).isEqualTo(SignedIn.OPERATOR);
        assertThat(task.getString("correlationId")).isEqualTo(correlationId);

        JsonPath request = api.audit(suite.relationships, correlationId);
        assertThat(request.getList("$")).hasSize(1);
        assertThat(request.getString("[0].operation")).isEqualTo("POST /api/v1/relationships/{id}/switchover");
        assertThat(request.getString("[0].target")).isEqualTo("relationships/" + id);
        assertThat(request.getString("[0].actor.name")).isEqualTo(SignedIn.OPERATOR);
        assertThat(request.getList("[0].actor.roles")).contains(SignedIn.OPERATOR);
        assertThat(request.getString("[0].outcome")).isEqualTo("accepted");
        assertThat(request.getInt("[0].status")).isEqualTo(202);
        assertThat(request.getString("[0].taskId")).isEqualTo(taskId);
        JsonPath accepted = api.audit(suite.tasks, correlationId);
        assertThat(accepted.getString("[0].actor.name")).isEqualTo(SignedIn.OPERATOR);
        assertThat(accepted.getString("[0].taskId")).isEqualTo(taskId);
        assertThat(accepted.getString("[0].target")).isEqualTo("tasks/" + taskId);

        var events = KafkaProbe.readAll(RelationshipEvents.TOPIC, record -> id.equals(record.key())
                && correlationId.equals(KafkaProbe.header(record, CloudEventHeaders.CORRELATION_ID)),
                Duration.ofMillis(500), Duration.ofSeconds(20));
        assertThat(events).extracting(record -> KafkaProbe.header(record, CloudEventHeaders.REQUESTED_BY))
                .containsOnly(SignedIn.OPERATOR);
        assertThat(events).extracting(record -> record.value().replaceAll(".*\"phase\":\"([a-z_]+)\".*", "$1"))
                .as("from the request to the task's end").contains("switching_over", "active");
        assertThat(KafkaProbe.readAll(AuditEvents.TOPIC,
                record -> correlationId.equals(KafkaProbe.header(record, CloudEventHeaders.CORRELATION_ID)),
                Duration.ofMillis(500), Duration.ofSeconds(20)))
                .extracting(record -> KafkaProbe.header(record, CloudEventHeaders.SOURCE))
                .contains("relationship-service", "task-service");
    }

    private static void assertNoPasswordIn(Path log) throws Exception {
        assertThat(Files.readString(log)).as(log.toString())
                .doesNotContain(PostgresInstance.SUPERUSER_PASSWORD)
                .doesNotContain(DrApi.REPLICATION_PASSWORD);
    }

    private void switchoverUnderLoad(String id, PostgresInstance prod, PostgresInstance dr) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        prod.execute("create table ledger (id int primary key)");
        Thread writer = Thread.ofVirtual().start(() -> commitUntilRefused(prod, acknowledged, writing));
        await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > 100);

        String switchover = api.accepted(id, "switchover");
        api.operate(id, "switchover", Map.of()).statusCode(409).body("detail", containsString(switchover));
        JsonPath switched = api.awaitPhase(id, "active", switchover);
        writing.set(false);
        writer.join();

        assertThat(switched.getString("clusters[0].name")).isEqualTo("sys-dr");
        assertThat(switched.getString("clusters[1].name")).isEqualTo("sys-prod");
        assertThat(switched.getInt("switchoverPercent")).isEqualTo(100);
        assertThat(dr.inRecovery()).isFalse();
        assertThat(prod.inRecovery()).isTrue();
        try (Connection connection = dr.connect("postgres")) {
            for (int committed : acknowledged) {
                try (PreparedStatement statement = connection.prepareStatement("select 1 from ledger where id = ?")) {
                    statement.setInt(1, committed);
                    assertThat(statement.executeQuery().next()).as("acknowledged commit %d", committed).isTrue();
                }
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> dr.streamingStandbys().containsKey("drsuite_sys"));
    }

    private static void commitUntilRefused(PostgresInstance primary, Set<Integer> acknowledged,
            AtomicBoolean writing) {
        int next = 1;
        try (Connection connection = primary.connect("postgres")) {
            while (writing.get()) {
                try (PreparedStatement statement = connection.prepareStatement("insert into ledger values (?)")) {
                    statement.setInt(1, next);
                    statement.executeUpdate();
                    acknowledged.add(next++);
                }
            }
        } catch (SQLException refused) {
            // the switchover stopped the primary; everything acknowledged before must be on the new one
        }
    }
}
