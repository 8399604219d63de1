package io.drsuite.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;

/** A column of a table (or a line of a detail view): its header and how to read its value from an API document. */
public record Column(String header, Function<JsonNode, String> value) {

    /** The value at a dotted path of the document, e.g. {@code relationship.state}; empty when absent. */
    public static Column of(String header, String path) {
        return new Column(header, node -> Json.text(node, path));
    }

    public static Column of(String header, Function<JsonNode, String> value) {
        return new Column(header, value);
    }
}
