package io.drsuite.cli.commands.bin;

import com.fasterxml.jackson.databind.JsonNode;
import io.drsuite.cli.output.Column;
import io.drsuite.cli.output.Json;
import java.util.List;

/** How recycle-bin entries read for people. */
final class BinColumns {

    static final List<Column> LIST = List.of(Column.of("ID", "id"), Column.of("CLUSTER", "cluster"),
            Column.of("DATABASE", "database"), Column.of("KIND", "kind"), Column.of("NAME", BinColumns::name),
            Column.of("STATE", node -> Json.text(node, "state") + (node.hasNonNull("restoredAs")
                    ? " as " + Json.text(node, "restoredAs") : "")),
            Column.of("SIZE", node -> Json.bytes(node.get("sizeBytes"))), Column.of("DROPPED", "droppedAt"),
            Column.of("BY", "droppedBy"), Column.of("EXPIRES", "expiresAt"));

    private BinColumns() {
    }

    /** {@code schema.table} for a table, the schema's or database's name otherwise. */
    static String name(JsonNode entry) {
        String schema = Json.text(entry, "originalSchema");
        String name = Json.text(entry, "originalName");
        return "table".equals(Json.text(entry, "kind")) && !schema.isEmpty() ? schema + "." + name : name;
    }

    static String describe(JsonNode entry) {
        return Json.text(entry, "kind") + " " + name(entry) + " of database " + Json.text(entry, "database")
                + " on " + Json.text(entry, "cluster");
    }
}
