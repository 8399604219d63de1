package io.drsuite.system;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** snapshot-service's API as a user calls it: take, verify and restore snapshots, manage policies. */
final class SnapshotApi {

    private static final Set<String> SNAPSHOT_ENDS = Set.of("completed", "failed", "corrupt");

    private final Suite suite;

    SnapshotApi(Suite suite) {
        this.suite = suite;
    }

    ValidatableResponse post(String path, Map<String, Object> body, Object... pathParameters) {
        return given().baseUri(suite.snapshots.baseUrl()).contentType(ContentType.JSON).body(body)
                .post(path, pathParameters).then();
    }

    JsonPath get(String path, Object... pathParameters) {
        return given().baseUri(suite.snapshots.baseUrl()).get(path, pathParameters).then().extract().jsonPath();
    }

    int status(String path, Object... pathParameters) {
        return given().baseUri(suite.snapshots.baseUrl()).get(path, pathParameters).statusCode();
    }

    /** Takes a snapshot and returns its id. */
    String take(Map<String, Object> request) {
        return post("/api/v1/snapshots", request).statusCode(202).extract().jsonPath().getString("snapshot.id");
    }

    /** Waits until the snapshot's backup ended; fails with its error unless it completed. */
    JsonPath awaitCompleted(String snapshotId) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> SNAPSHOT_ENDS.contains(get("/api/v1/snapshots/{id}", snapshotId).getString("phase")));
        JsonPath snapshot = get("/api/v1/snapshots/{id}", snapshotId);
        if (!"completed".equals(snapshot.getString("phase"))) {
            throw new AssertionError("snapshot " + snapshotId + " " + snapshot.getString("phase") + ": "
                    + snapshot.getString("error"));
        }
        return snapshot;
    }

    /** Verifies a snapshot and waits for the verdict. */
    JsonPath verify(String snapshotId) {
        post("/api/v1/snapshots/{id}/verify", Map.of(), snapshotId).statusCode(202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"running".equals(get("/api/v1/snapshots/{id}", snapshotId)
                        .getString("verification.state")));
        return get("/api/v1/snapshots/{id}", snapshotId);
    }

    /** Restores and waits until the restore ended; fails with its error unless it completed. */
    JsonPath restore(String snapshotId, Map<String, Object> request) {
        String restoreId = post("/api/v1/snapshots/{id}/restore", request, snapshotId).statusCode(202).extract()
                .jsonPath().getString("restore.id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300))
                .until(() -> !"running".equals(get("/api/v1/restores/{id}", restoreId).getString("phase")));
        JsonPath restore = get("/api/v1/restores/{id}", restoreId);
        if (!"completed".equals(restore.getString("phase"))) {
            throw new AssertionError("restore " + restoreId + " " + restore.getString("phase") + ": "
                    + restore.getString("error"));
        }
        return restore;
    }
}
