package io.drsuite.snapshot;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.events.snapshot.WalSegmentArchived;
import io.drsuite.events.task.SnapshotTasks;
import io.drsuite.events.task.WalTasks;
import io.drsuite.snapshot.wal.WalRetention;
import io.drsuite.storage.ObjectUpload;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StorageLocations;
import io.drsuite.testing.RegistryFixture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * WAL retention against the real database and the local storage location: once the oldest physical snapshot is
 * gone, the archived segments wholly before the oldest kept one's start are deleted, objects and rows; the rest stay.
 */
@QuarkusTest
class WalRetentionTest {

    private static final long SEGMENT = 0x1000000L;

    @Inject
    RegistryFixture registry;

    @Inject
    StorageLocations storage;

    @Inject
    WalRetention retention;

    @Test
    void walBeforeTheOldestKeptPhysicalSnapshotIsDeleted() throws Exception {
        SnapshotFixture fixture = new SnapshotFixture(registry);
        fixture.register("wal-trim");
        UUID archiveId = UUID.fromString(given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-trim"))
                .post("/api/v1/wal-archives").then().statusCode(202).extract().jsonPath().getString("archive.id"));
        String prefix = "wal-trim/wal/" + archiveId;
        StorageLocation local = storage.get("local");
        for (int number = 1; number <= 4; number++) {
            String name = String.format("%08X%08X%08X", 1, 0, number);
            String key = WalTasks.objectKey(prefix, name);
            try (ObjectUpload upload = local.upload(key)) {
                upload.write(name.getBytes(StandardCharsets.UTF_8));
                upload.commit();
            }
            long start = SEGMENT * number;
            fixture.send(WalEvents.SEGMENT_ARCHIVED, UUID.randomUUID(), archiveId, new WalSegmentArchived(archiveId,
                    "wal-trim", name, WalSegmentArchived.SEGMENT, 1, "0/" + Long.toHexString(start),
                    "0/" + Long.toHexString(start + SEGMENT), "local", key, 100, "ef".repeat(32), Instant.now(),
                    Instant.now()));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> archive(archiveId).getInt("segments") == 4);

        UUID oldest = physicalSnapshot(fixture, "0/1000028");
        physicalSnapshot(fixture, "0/3000028");
        given().delete("/api/v1/snapshots/{id}", oldest).then().statusCode(204);
        QuarkusTransaction.requiringNew().run(() -> retention.trim("wal-trim"));

        JsonPath archive = archive(archiveId);
        assertThat(archive.getInt("segments")).isEqualTo(2);
        assertThat(archive.getString("firstSegment")).isEqualTo("000000010000000000000003");
        assertThat(local.exists(WalTasks.objectKey(prefix, "000000010000000000000001"))).isFalse();
        assertThat(local.exists(WalTasks.objectKey(prefix, "000000010000000000000002"))).isFalse();
        assertThat(local.exists(WalTasks.objectKey(prefix, "000000010000000000000003"))).isTrue();
        assertThat(local.exists(WalTasks.objectKey(prefix, "000000010000000000000004"))).isTrue();
    }

    private static UUID physicalSnapshot(SnapshotFixture fixture, String startLsn) {
        JsonPath accepted = given().contentType(ContentType.JSON).body(Map.of("cluster", "wal-trim", "kind",
                "physical")).post("/api/v1/snapshots").then().statusCode(202).extract().jsonPath();
        UUID id = UUID.fromString(accepted.getString("snapshot.id"));
        fixture.finished(UUID.randomUUID(), UUID.fromString(accepted.getString("taskId")),
                SnapshotTasks.PHYSICAL_BACKUP, id.toString(), "succeeded", null, Map.of(SnapshotTasks.SIZE_BYTES,
                        "1", SnapshotTasks.SHA256, "cd".repeat(32), SnapshotTasks.START_LSN, startLsn,
                        SnapshotTasks.TIMELINE, "1", SnapshotTasks.CONSISTENT_AT, Instant.now().toString()));
        await().atMost(Duration.ofSeconds(20)).until(() -> "completed".equals(given()
                .get("/api/v1/snapshots/{id}", id).then().extract().jsonPath().getString("phase")));
        return id;
    }

    private static JsonPath archive(UUID id) {
        return given().get("/api/v1/wal-archives/{id}", id).then().statusCode(200).extract().jsonPath();
    }
}
