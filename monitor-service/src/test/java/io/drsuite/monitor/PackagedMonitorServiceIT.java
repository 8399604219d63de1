package io.drsuite.monitor;

import static io.drsuite.monitor.PrometheusText.metric;
import static io.drsuite.testing.SignedIn.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.drsuite.testing.BrokerRegistry;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app, production profile) against the real servers: the basics every service
 * owes, and a cluster registered on the broker polled: reachable, not in recovery, up in the metrics. Its run also
 * trains the AOT cache.
 */
@QuarkusIntegrationTest
@WithTestResource(value = PackagedServiceInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PackagedMonitorServiceIT extends ServiceBasicsContract {

    @Test
    void pollsARealClusterRegisteredOnTheBroker() {
        try (PostgresInstance primary = PostgresInstance.primary("packaged-monitor")) {
            String cluster = "packaged-" + UUID.randomUUID().toString().substring(0, 8);
            BrokerRegistry.register(cluster, primary);

            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var response = given().get("/api/v1/health/clusters/{name}", cluster);
                return response.statusCode() == 200
                        && Boolean.TRUE.equals(response.jsonPath().get("nodes[0].reachable"));
            });
            assertThat(given().get("/api/v1/health/clusters/{name}", cluster).jsonPath()
                    .getBoolean("nodes[0].inRecovery")).as("a primary").isFalse();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> metric("drsuite_node_up", "node=\"" + primary.name() + "\"") == 1.0);
        }
    }

}
