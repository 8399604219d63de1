package io.drsuite.monitor;

import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.testing.ClusterEventFixtures;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.PagedList;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * monitor-service shows its projection of the registry: a registration event on the real broker appears in
 * {@code GET /api/v1/clusters}, which is read page by page, as is {@code GET /api/v1/health/clusters}.
 */
@QuarkusTest
class KnownClusterResourceTest {

    @Inject
    ObjectMapper json;

    @Test
    void registeredClusterIsListed() throws Exception {
        ClusterRegistered registered = ClusterEventFixtures.registered("seen-" + UUID.randomUUID().toString()
                .substring(0, 8));
        KafkaProbe.send(ClusterEvents.TOPIC, registered.clusterId().toString(), json.writeValueAsString(registered),
                ClusterEventFixtures.headers(ClusterEvents.REGISTERED, UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().get("/api/v1/clusters/" + registered.name()).statusCode() == 200);
        given().when().get("/api/v1/clusters/" + registered.name()).then().statusCode(200)
                .body("id", equalTo(registered.clusterId().toString()))
                .body("serverVersion", equalTo("15.18"))
                .body("nodes[0].role", equalTo("primary"))
                .body("nodes[0].port", equalTo(5432));
        given().when().get("/api/v1/clusters/no-such-cluster").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The known clusters, and their health, read page by page in name order, each once. */
    @Test
    void clustersAndTheirHealthAreReadPageByPage() throws Exception {
        String prefix = "page-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : List.of(prefix + "-c", prefix + "-a", prefix + "-b")) {
            ClusterRegistered registered = ClusterEventFixtures.registered(name);
            KafkaProbe.send(ClusterEvents.TOPIC, registered.clusterId().toString(),
                    json.writeValueAsString(registered),
                    ClusterEventFixtures.headers(ClusterEvents.REGISTERED, UUID.randomUUID()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of("a", "b", "c").stream()
                .allMatch(suffix -> given().get("/api/v1/clusters/" + prefix + "-" + suffix).statusCode() == 200));

        List<String> known = names(PagedList.items("/api/v1/clusters", 2));
        assertThat(known).doesNotHaveDuplicates().containsSubsequence(prefix + "-a", prefix + "-b", prefix + "-c")
                .isEqualTo(names(given().get("/api/v1/clusters?limit=500").then().statusCode(200).extract()
                        .jsonPath().getList("$")));
        assertThat(names(PagedList.items("/api/v1/health/clusters", 2))).isEqualTo(known);
        PagedList.refusesBadLimitAndCursor("/api/v1/clusters");
        PagedList.refusesBadLimitAndCursor("/api/v1/health/clusters");
    }

    private static List<String> names(List<Map<String, Object>> clusters) {
        return clusters.stream().map(cluster -> (String) cluster.get("name")).toList();
    }
}
