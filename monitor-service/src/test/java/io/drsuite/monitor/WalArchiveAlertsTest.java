package io.drsuite.monitor;

import static io.drsuite.monitor.PrometheusText.metric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.snapshot.WalArchiveChanged;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.task.WalTasks;
import io.drsuite.monitor.model.WalArchiveStatus;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.PagedList;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The WAL archive alerts on a real primary: an archive that should stream while its slot is not in use is stalled,
 * and resolves once a real {@code pg_receivewal} streams through the slot; an archive announced with a gap raises
 * {@code wal_archive_gap} until it is announced continuous; an announcement older than the one applied changes
 * nothing.
 */
@QuarkusTest
class WalArchiveAlertsTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);
    private static final String CLUSTER = "wal-alerts";
    private static final String SUBJECT = CLUSTER + "/wal-archive";

    @Inject
    ObjectMapper json;

    @Inject
    SecretSealer sealer;

    @Test
    void aStalledStreamAndAGapAreAlertedUntilTheyHeal() throws Exception {
        try (PostgresInstance primary = PostgresInstance.primary(CLUSTER)) {
            ClusterRegistered registered = ClusterEventFixtures.registered(CLUSTER, sealer, primary);
            publish(ClusterEvents.REGISTERED, registered.clusterId(), registered);
            UUID archive = UUID.randomUUID();
            String slot = WalTasks.slotFor(archive);
            primary.execute("select pg_create_physical_replication_slot('" + slot + "', true)");
            Instant now = Instant.now();
            announce(archive, "streaming", List.of(), now);

            await().atMost(WITHIN).until(() -> "firing".equals(alertState("wal_archive_stalled")));
            assertThat(alertDetail("wal_archive_stalled")).contains(slot).contains("not in use");
            assertThat(metric("drsuite_alerts_firing", "rule=\"wal_archive_stalled\"")).isGreaterThanOrEqualTo(1.0);

            Process receiver = receiveWal(primary, slot);
            try {
                await().atMost(WITHIN).until(() -> "resolved".equals(alertState("wal_archive_stalled")));

                // An older announcement arrives late: it is not applied.
                announce(archive, "stopped", List.of(), now.minusSeconds(3600));
                announce(archive, "streaming", List.of("timeline 1: 000000010000000000000005 to "
                        + "000000010000000000000006 missing"), now.plusSeconds(1));
                await().atMost(WITHIN).until(() -> "firing".equals(alertState("wal_archive_gap")));
                assertThat(alertDetail("wal_archive_gap")).contains("000000010000000000000005");
                assertThat(QuarkusTransaction.requiringNew().call(() -> WalArchiveStatus.<WalArchiveStatus>findById(
                        archive).state)).isEqualTo("streaming");

                announce(archive, "streaming", List.of(), now.plusSeconds(2));
                await().atMost(WITHIN).until(() -> "resolved".equals(alertState("wal_archive_gap")));
                assertThat(alertState("wal_archive_stalled")).isEqualTo("resolved");
            } finally {
                receiver.destroyForcibly().waitFor();
            }
        }
    }

    /** A real pg_receivewal streaming through the slot, as the archive's streaming does. */
    private static Process receiveWal(PostgresInstance primary, String slot) throws Exception {
        Path folder = Files.createTempDirectory("wal-alerts-receive");
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getenv().getOrDefault("DRSUITE_PG_BIN", "/usr/lib/postgresql/15/bin"))
                        .resolve("pg_receivewal").toString(),
                "-D", folder.toString(), "-h", "127.0.0.1", "-p", String.valueOf(primary.port()),
                "-U", PostgresInstance.SUPERUSER, "--slot", slot, "--no-loop", "--no-password"));
        builder.environment().put("PGPASSWORD", PostgresInstance.SUPERUSER_PASSWORD);
        builder.redirectErrorStream(true).redirectOutput(folder.resolve("pg_receivewal.log").toFile());
        return builder.start();
    }

    private void announce(UUID archive, String state, List<String> gaps, Instant at) {
        publish(WalEvents.ARCHIVE_CHANGED, archive, new WalArchiveChanged(archive, CLUSTER, "local", state, null,
                null, gaps, null, null, at));
    }

    private <P> void publish(EventType<P> type, UUID key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, json);
    }

    /** The state of the newest alert of the rule on the archive, or "none". */
    private static String alertState(String rule) {
        return newest(rule).map(alert -> (String) alert.get("state")).orElse("none");
    }

    private static String alertDetail(String rule) {
        return newest(rule).map(alert -> (String) alert.get("detail")).orElse("");
    }

    private static java.util.Optional<Map<String, Object>> newest(String rule) {
        List<Map<String, Object>> alerts = PagedList.items("/api/v1/alerts", 100);
        return alerts.stream().filter(alert -> rule.equals(alert.get("rule")) && SUBJECT.equals(alert.get("subject")))
                .findFirst();
    }
}
