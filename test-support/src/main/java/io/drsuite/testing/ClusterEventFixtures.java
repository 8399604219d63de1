package io.drsuite.testing;

import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.cluster.SealedLogin;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds registry events as relationship-service publishes them, for tests of the services that consume them.
 */
public final class ClusterEventFixtures {

    private ClusterEventFixtures() {
    }

    public static ClusterRegistered registered(String name) {
        return new ClusterRegistered(UUID.randomUUID(), name, "15.18", 15,
                List.of(new ClusterNode("n1", "127.0.0.1", 5432, "/var/lib/postgresql/15/main", NodeRole.PRIMARY,
                        new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null))),
                new SealedLogin("admin", "v1:c2VhbGVk"), new SealedLogin("repl", "v1:c2VhbGVk"), Instant.now());
    }

    /** CloudEvents headers for a record of the given type. */
    public static Map<String, String> headers(EventType<?> type, UUID eventId) {
        return Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.SOURCE, "test",
                CloudEventHeaders.TYPE, type.type(),
                CloudEventHeaders.TIME, Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
    }
}
