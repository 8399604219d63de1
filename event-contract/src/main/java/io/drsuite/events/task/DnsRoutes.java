package io.drsuite.events.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Carries {@link DnsRoute}s in a task's flat string parameters ({@code dns.<i>.<field>}), so a switchover or
 * failover task knows which names to point at the new primary.
 */
public final class DnsRoutes {

    private static final String PREFIX = "dns.";

    private DnsRoutes() {
    }

    public static void write(List<DnsRoute> routes, Map<String, String> parameters) {
        for (int i = 0; i < routes.size(); i++) {
            DnsRoute route = routes.get(i);
            String at = PREFIX + i + ".";
            parameters.put(at + "server", route.server());
            parameters.put(at + "port", String.valueOf(route.port()));
            parameters.put(at + "zone", route.zone());
            parameters.put(at + "name", route.name());
            parameters.put(at + "ttl", String.valueOf(route.ttl()));
            parameters.put(at + "keyName", route.keyName());
            parameters.put(at + "algorithm", route.algorithm());
            parameters.put(at + "secretOwner", route.secretOwner().toString());
            parameters.put(at + "sealedSecret", route.sealedSecret());
        }
    }

    public static List<DnsRoute> read(Map<String, String> parameters) {
        List<DnsRoute> routes = new ArrayList<>();
        for (int i = 0; parameters.containsKey(PREFIX + i + ".name"); i++) {
            String at = PREFIX + i + ".";
            routes.add(new DnsRoute(parameters.get(at + "server"), Integer.parseInt(parameters.get(at + "port")),
                    parameters.get(at + "zone"), parameters.get(at + "name"),
                    Integer.parseInt(parameters.get(at + "ttl")), parameters.get(at + "keyName"),
                    parameters.get(at + "algorithm"), UUID.fromString(parameters.get(at + "secretOwner")),
                    parameters.get(at + "sealedSecret")));
        }
        return routes;
    }
}
