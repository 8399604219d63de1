package io.drsuite.cli.commands.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;

/** The table of a cluster's nodes that the node commands print for people after a change. */
final class ClusterNodes {

    static final List<Column> COLUMNS = List.of(
            Column.of("NODE", "name"),
            Column.of("ROLE", "role"),
            Column.of("ADDRESS", node -> Json.text(node, "host") + ":" + Json.text(node, "port")),
            Column.of("DATA DIRECTORY", "dataDirectory"),
            Column.of("ACCESS", node -> access(node.path("access"))));

    private ClusterNodes() {
    }

    static String access(JsonNode access) {
        String kind = Json.text(access, "kind");
        if (kind.equalsIgnoreCase("ssh")) {
            return "ssh " + Json.text(access, "sshUser") + "@" + Json.text(access, "sshHost") + ":"
                    + Json.text(access, "sshPort");
        }
        return kind.isEmpty() ? "" : kind + " as " + Json.text(access, "osUser");
    }

    /** "ANY 1 (prod-2, prod-3)", or "none". */
    static String synchronous(JsonNode cluster) {
        JsonNode sync = cluster.path("synchronousStandbys");
        int count = sync.path("count").asInt();
        return count == 0 ? "none" : "ANY " + count + " (" + Json.text(sync, "nodes") + ")";
    }
}
