package io.drsuite.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRemoved;
import io.drsuite.events.health.HealthEvents;
import io.drsuite.events.health.RelationshipHealthSampled;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void namesFollowTheConvention() {
        assertEquals("drsuite.clusters", ClusterEvents.REGISTERED.topic());
        assertEquals("io.drsuite.cluster.registered.v1", ClusterEvents.REGISTERED.type());
        assertEquals("io.drsuite.cluster.removed.v1", ClusterEvents.REMOVED.type());
    }

    @Test
    void malformedNamesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("clusters", "io.drsuite.cluster.registered.v1", String.class));
        assertThrows(IllegalArgumentException.class,
                () -> new EventType<>("drsuite.clusters", "cluster.registered", String.class));
    }

    @Test
    void payloadWithMissingFieldFailsFast() {
        assertThrows(NullPointerException.class, () -> new ClusterRemoved(null, "prod", Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new ClusterRemoved(UUID.randomUUID(), " ", Instant.now()));
    }

    @Test
    void relationshipSamplesTravelBesideTheHealthWords() {
        assertEquals(HealthEvents.TOPIC, HealthEvents.RELATIONSHIP_SAMPLED.topic());
        assertEquals("io.drsuite.health.relationship-sampled.v1", HealthEvents.RELATIONSHIP_SAMPLED.type());
        UUID id = UUID.randomUUID();
        assertNull(new RelationshipHealthSampled(id, "rel", "archive_fail", "recovery_fail", null, null,
                null, Instant.now()).lagBytes(), "figures a poll could not read stay empty");
        assertThrows(IllegalArgumentException.class, () -> new RelationshipHealthSampled(id, " ", "archive",
                "recovery", 0L, 0.0, 0.0, Instant.now()));
        assertThrows(NullPointerException.class, () -> new RelationshipHealthSampled(id, "rel", "archive",
                "recovery", 0L, 0.0, 0.0, null));
    }
}
