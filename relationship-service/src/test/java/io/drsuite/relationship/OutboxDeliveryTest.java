package io.drsuite.relationship;

import static io.drsuite.testing.SignedIn.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.platform.outbox.OutboxEvent;
import io.drsuite.testing.KafkaProbe;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PostgresInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A state change committed while Kafka is down is published once Kafka is back, exactly once.
 */
@QuarkusTest
class OutboxDeliveryTest {

    @Test
    void eventCommittedWhileBrokerIsDownArrivesOnceAfterItReturns() {
        PostgresInstance lone = PostgresInstance.primary("outbox-lone");
        LocalInfrastructure.stopKafka();
        String clusterId;
        try {
            clusterId = given().contentType(ContentType.JSON)
                    .body(Registrations.cluster("outbox-" + lone.port(), lone))
                    .when().post("/api/v1/clusters").then().statusCode(201).extract().path("id");
            OutboxEvent pending = outboxEventOf(clusterId);
            assertNull(pending.publishedAt, "nothing can be published while the broker is down");
        } finally {
            LocalInfrastructure.startKafka();
            lone.close();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> outboxEventOf(clusterId).publishedAt != null);
        OutboxEvent published = outboxEventOf(clusterId);
        assertNotNull(published.publishedAt);
        var records = KafkaProbe.readAll(ClusterEvents.TOPIC, record -> clusterId.equals(record.key()),
                Duration.ofSeconds(5), Duration.ofSeconds(60));
        assertEquals(1, records.size(), "the event must be on the topic exactly once");
    }

    private static OutboxEvent outboxEventOf(String clusterId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxEvent.<OutboxEvent>find("aggregateId", clusterId)
                .firstResult());
    }
}
