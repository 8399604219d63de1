package io.drsuite.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading values out of the APIs' documents for tables and messages. */
public final class Json {

    private Json() {
    }

    /** The value at a dotted path ({@code a.b.c}); "" when any part is absent or null; arrays joined with ", ". */
    public static String text(JsonNode node, String path) {
        JsonNode at = at(node, path);
        if (at == null || at.isMissingNode() || at.isNull()) {
            return "";
        }
        if (at.isArray()) {
            List<String> items = new ArrayList<>();
            at.forEach(item -> items.add(item.isValueNode() ? item.asText() : item.toString()));
            return String.join(", ", items);
        }
        return at.isValueNode() ? at.asText() : at.toString();
    }

    public static JsonNode at(JsonNode node, String path) {
        JsonNode at = node;
        for (String part : path.split("\\.")) {
            if (at == null) {
                return null;
            }
            at = at.get(part);
        }
        return at;
    }

    /** Bytes for people: 0 B, 12.3 kB, 4.0 MB, ... */
    public static String bytes(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || !value.isNumber()) {
            return "";
        }
        double bytes = value.asDouble();
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1000 && unit < units.length - 1) {
            bytes /= 1000;
            unit++;
        }
        return unit == 0 ? String.format("%d B", (long) bytes) : String.format("%.1f %s", bytes, units[unit]);
    }
}
