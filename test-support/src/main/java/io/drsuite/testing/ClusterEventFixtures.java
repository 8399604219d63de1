package io.drsuite.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.CloudEventHeaders;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.events.cluster.SealedLogin;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * A registration of real test servers as one cluster, as relationship-service would publish it: the first node
     * is the primary (main node), access is local as {@code postgres}, both logins are the test superuser's,
     * sealed with the service's key and bound to the cluster.
     */
    public static ClusterRegistered registered(String name, SecretSealer sealer, PostgresInstance... nodes) {
        List<ClusterNode> clusterNodes = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            clusterNodes.add(new ClusterNode(nodes[i].name(), "127.0.0.1", nodes[i].port(),
                    nodes[i].dataDirectory().toString(), i == 0 ? NodeRole.PRIMARY : NodeRole.STANDBY,
                    new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)));
        }
        UUID clusterId = UUID.randomUUID();
        SealedLogin admin = new SealedLogin(PostgresInstance.SUPERUSER,
                sealer.seal(PostgresInstance.SUPERUSER_PASSWORD, SecretBinding.adminPassword(clusterId)));
        SealedLogin replication = new SealedLogin(PostgresInstance.SUPERUSER,
                sealer.seal(PostgresInstance.SUPERUSER_PASSWORD, SecretBinding.replicationPassword(clusterId)));
        return new ClusterRegistered(clusterId, name, "15", 15, clusterNodes, admin, replication, Instant.now());
    }

    /**
     * The same registration with another replication login, one the cluster may not have yet (the suite creates
     * it where it needs it).
     */
    public static ClusterRegistered withReplicationLogin(ClusterRegistered registered, String user, String password,
            SecretSealer sealer) {
        return new ClusterRegistered(registered.clusterId(), registered.name(), registered.serverVersion(),
                registered.majorVersion(), registered.nodes(), registered.adminLogin(), new SealedLogin(user,
                        sealer.seal(password, SecretBinding.replicationPassword(registered.clusterId()))),
                registered.registeredAt());
    }

    /** Publishes an event on its topic, keyed by {@code key}, with fresh CloudEvents headers. */
    public static <P> void publish(EventType<P> type, Object key, P payload, ObjectMapper json) {
        try {
            KafkaProbe.send(type.topic(), key.toString(), json.writeValueAsString(payload),
                    headers(type, UUID.randomUUID()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload, e);
        }
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
