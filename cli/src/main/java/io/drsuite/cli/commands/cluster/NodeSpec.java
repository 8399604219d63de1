package io.drsuite.cli.commands.cluster;

import io.drsuite.cli.CliFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code --node} of {@code drctl cluster register}, {@code key=value} pairs separated by commas, turned into
 * the node of relationship-service's registration body ({@code name, host, port, dataDirectory, access}):
 * <pre>
 * name=prod-1,host=10.0.0.11,port=5432,data-directory=/var/lib/postgresql/17/main,access=local,os-user=postgres
 * name=prod-2,host=10.0.0.12,data-directory=/srv/pg,access=ssh,ssh-user=postgres,ssh-key=prod-2
 * </pre>
 * Defaults: port 5432, access local, os-user postgres; for ssh, ssh-host is the node's host and ssh-port 22.
 */
final class NodeSpec {

    static final List<String> KEYS = List.of("name", "host", "port", "data-directory", "access", "os-user",
            "ssh-host", "ssh-port", "ssh-user", "ssh-key");

    private NodeSpec() {
    }

    static Map<String, Object> parse(String spec) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw CliFailure.usage("--node '" + spec + "': '" + pair + "' is not key=value");
            }
            String key = pair.substring(0, equals).trim();
            if (!KEYS.contains(key)) {
                throw CliFailure.usage("--node: unknown key '" + key + "'; known: " + String.join(", ", KEYS));
            }
            if (given.put(key, pair.substring(equals + 1).trim()) != null) {
                throw CliFailure.usage("--node: '" + key + "' given twice in '" + spec + "'");
            }
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("name", required(given, "name", spec));
        String host = required(given, "host", spec);
        node.put("host", host);
        node.put("port", number(given.getOrDefault("port", "5432"), "port"));
        node.put("dataDirectory", required(given, "data-directory", spec));
        Map<String, Object> access = new LinkedHashMap<>();
        String kind = given.getOrDefault("access", "local");
        switch (kind) {
            case "local" -> {
                access.put("kind", "local");
                access.put("osUser", given.getOrDefault("os-user", "postgres"));
                refuseSsh(given, spec);
            }
            case "ssh" -> {
                access.put("kind", "ssh");
                access.put("sshHost", given.getOrDefault("ssh-host", host));
                access.put("sshPort", number(given.getOrDefault("ssh-port", "22"), "ssh-port"));
                access.put("sshUser", required(given, "ssh-user", spec));
                access.put("sshKeyRef", required(given, "ssh-key", spec));
                if (given.containsKey("os-user")) {
                    throw CliFailure.usage("--node: os-user is for access=local; with access=ssh use ssh-user");
                }
            }
            default -> throw CliFailure.usage("--node: access must be local or ssh, not '" + kind + "'");
        }
        node.put("access", access);
        return node;
    }

    private static void refuseSsh(Map<String, String> given, String spec) {
        for (String key : List.of("ssh-host", "ssh-port", "ssh-user", "ssh-key")) {
            if (given.containsKey(key)) {
                throw CliFailure.usage("--node '" + spec + "': " + key + " needs access=ssh");
            }
        }
    }

    private static String required(Map<String, String> given, String key, String spec) {
        String value = given.get(key);
        if (value == null || value.isEmpty()) {
            throw CliFailure.usage("--node '" + spec + "' needs " + key + "=...");
        }
        return value;
    }

    private static int number(String value, String key) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw CliFailure.usage("--node: " + key + " must be a number, not '" + value + "'");
        }
    }
}
