package io.drsuite.clusterclient.host;

import io.drsuite.clusterclient.NodeEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** libpq connection strings with every value quoted as libpq expects ({@code 'it\'s'}). */
public final class Conninfo {

    private Conninfo() {
    }

    public static String of(NodeEndpoint node, String user, String database) {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("host", node.host());
        parts.put("port", String.valueOf(node.port()));
        parts.put("user", user);
        parts.put("dbname", database);
        return of(parts);
    }

    public static String of(Map<String, String> parts) {
        return parts.entrySet().stream()
                .map(e -> e.getKey() + "=" + quote(e.getValue()))
                .collect(Collectors.joining(" "));
    }

    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
