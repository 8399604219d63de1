package io.drsuite.console.pages.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditMergeTest {

    private static AuditRow record(long id, String service, String at) {
        return new AuditRow(id, Instant.parse(at), service, "POST /api/v1/snapshots", "snapshots/x", "accepted", 202,
                null, null, null, "operator", List.of("operator"));
    }

    @Test
    void theFiveLogsAreShownAsOneNewestFirstWithTiesInAStableOrderAndCutToTheLimit() {
        List<AuditRow> snapshot = List.of(record(7, "snapshot-service", "2026-12-02T10:00:03Z"),
                record(6, "snapshot-service", "2026-12-02T10:00:01Z"));
        List<AuditRow> relationship = List.of(record(40, "relationship-service", "2026-12-02T10:00:02Z"),
                record(3, "relationship-service", "2026-12-02T10:00:01Z"));
        List<AuditRow> bin = List.of(record(6, "recyclebin-service", "2026-12-02T10:00:01Z"));

        List<AuditRow> merged = AuditMerge.newestFirst(List.of(snapshot, relationship, bin), 4);

        assertThat(merged).extracting(row -> row.service() + "#" + row.id()).containsExactly(
                "snapshot-service#7", "relationship-service#40", "recyclebin-service#6", "snapshot-service#6");
    }

    @Test
    void aRecordLinksToTheConsolePageOfItsTargetAndToItsTask() {
        UUID task = UUID.randomUUID();
        AuditRow relationship = new AuditRow(1, Instant.now(), "relationship-service",
                "POST /api/v1/relationships/{id}/switchover", "relationships/5f0e1c2a-0000-4000-8000-000000000001",
                "accepted", 202, null, "planned", task, "operator", List.of("operator"));
        assertThat(relationship.objectLink()).isEqualTo("/relationships/5f0e1c2a-0000-4000-8000-000000000001");
        assertThat(relationship.taskLink()).isEqualTo("/tasks/" + task);
        assertThat(withTarget("clusters/prod east").objectLink()).isEqualTo("/clusters/prod%20east");
        assertThat(withTarget("snapshots/9").objectLink()).isEqualTo("/snapshots");
        assertThat(withTarget("policies").objectLink()).isEqualTo("/snapshots");
        assertThat(withTarget("recyclebin/1").objectLink()).isEqualTo("/bin");
        assertThat(withTarget("settings").objectLink()).isNull();
        assertThat(withTarget("settings").taskLink()).isNull();
    }

    private static AuditRow withTarget(String target) {
        return new AuditRow(1, Instant.now(), "s", "op", target, "accepted", 200, null, null, null, "a", List.of());
    }
}
