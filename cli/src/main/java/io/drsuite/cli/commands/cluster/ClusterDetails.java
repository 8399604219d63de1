package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import io.drsuite.cli.output.Printer;
import java.util.ArrayList;
import java.util.List;

/** How a registered cluster (relationship-service's cluster view) looks in a table and in detail. */
final class ClusterDetails {

    private ClusterDetails() {
    }

    /** One line per cluster. */
    static List<Column> columns() {
        return List.of(Column.of("NAME", "name"),
                Column.of("VERSION", "serverVersion"),
                Column.of("PRIMARY", ClusterDetails::primary),
                Column.of("NODES", ClusterDetails::nodes),
                Column.of("OPERATION", ClusterDetails::operation));
    }

    /** A cluster in detail: its fields, then a table of its nodes (with -o json|yaml: the document). */
    static void print(Printer printer, JsonNode cluster) {
        printer.object(cluster, List.of(Column.of("Name", "name"),
                Column.of("Id", "id"),
                Column.of("Version", "serverVersion"),
                Column.of("System id", "systemIdentifier"),
                Column.of("Admin login", "adminLogin.username"),
                Column.of("Replication login", "replicationLogin.username"),
                Column.of("Sync standbys", node -> node.path("synchronousStandbys").path("count").asInt() == 0
                        ? "none" : Json.text(node, "synchronousStandbys.count") + " of "
                        + Json.text(node, "synchronousStandbys.nodes")),
                Column.of("Operation", node -> node.path("operation").isObject() ? operation(node) : "none"),
                Column.of("Last operation", node -> node.path("lastOperation").isObject()
                        ? Json.text(node, "lastOperation.type") + " " + Json.text(node, "lastOperation.result")
                        + " at " + Json.text(node, "lastOperation.endedAt") : "none"),
                Column.of("Registered", "registeredAt")));
        if (printer.forPeople()) {
            printer.message("");
            printer.list(cluster.path("nodes"), List.of(Column.of("NODE", "name"), Column.of("ROLE", "role"),
                    Column.of("ADDRESS", node -> Json.text(node, "host") + ":" + Json.text(node, "port")),
                    Column.of("DATA DIRECTORY", "dataDirectory"),
                    Column.of("ACCESS", ClusterDetails::access)));
        }
    }

    static String access(JsonNode node) {
        JsonNode access = node.path("access");
        if ("ssh".equals(access.path("kind").asText())) {
            return "ssh " + Json.text(access, "sshUser") + "@" + Json.text(access, "sshHost") + ":"
                    + Json.text(access, "sshPort") + " key " + Json.text(access, "sshKeyRef");
        }
        return access.path("kind").asText() + " as " + Json.text(access, "osUser");
    }

    private static String primary(JsonNode cluster) {
        for (JsonNode node : cluster.path("nodes")) {
            if ("primary".equals(node.path("role").asText())) {
                return node.path("name").asText();
            }
        }
        return "";
    }

    private static String nodes(JsonNode cluster) {
        List<String> nodes = new ArrayList<>();
        cluster.path("nodes").forEach(node -> nodes.add(node.path("name").asText() + " ("
                + node.path("role").asText() + ")"));
        return String.join(", ", nodes);
    }

    private static String operation(JsonNode cluster) {
        JsonNode operation = cluster.path("operation");
        return operation.isObject() ? operation.path("type").asText() + " " + operation.path("percent").asInt() + "%"
                : "";
    }
}
