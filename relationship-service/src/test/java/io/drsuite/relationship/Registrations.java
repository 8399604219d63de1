package io.drsuite.relationship;

import io.drsuite.testing.PostgresInstance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Request bodies for cluster registration tests.
 */
final class Registrations {

    static final String REPLICATION_USER = "drsuite_repl";
    static final String REPLICATION_PASSWORD = "repl-secret-pw";

    private Registrations() {
    }

    static Map<String, Object> cluster(String name, PostgresInstance... nodes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("nodes", new ArrayList<>(Arrays.stream(nodes).map(Registrations::node).toList()));
        body.put("adminLogin", Map.of("username", PostgresInstance.SUPERUSER,
                "password", PostgresInstance.SUPERUSER_PASSWORD));
        body.put("replicationLogin", Map.of("username", REPLICATION_USER, "password", REPLICATION_PASSWORD));
        return body;
    }

    static Map<String, Object> node(PostgresInstance instance) {
        return node(instance.name(), "127.0.0.1", instance.port(), instance.dataDirectory().toString());
    }

    static Map<String, Object> node(String name, String host, int port, String dataDirectory) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", name);
        node.put("host", host);
        node.put("port", port);
        node.put("dataDirectory", dataDirectory);
        node.put("access", Map.of("kind", "local", "osUser", "postgres"));
        return node;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nodes(Map<String, Object> cluster) {
        return (List<Map<String, Object>>) cluster.get("nodes");
    }
}
