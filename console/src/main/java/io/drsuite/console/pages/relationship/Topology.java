package io.drsuite.console.pages.relationship;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Both clusters' nodes and who streams from whom, laid out for the page's picture: production on the left (its
 * primary on top, its standbys below), the DR cluster on the right (its main standby on top, the cascaded standbys
 * below). Roles and upstreams come from monitor-service's latest poll of each node; a node it has not polled yet
 * takes its role from the cluster's registration.
 */
public record Topology(List<Node> nodes, List<Stream> streams, int width, int height) {

    static final int BOX_WIDTH = 230;
    static final int BOX_HEIGHT = 58;
    static final int COLUMN_GAP = 150;
    static final int ROW_HEIGHT = 84;
    static final int TOP = 44;
    static final int MARGIN = 40;

    /**
     * One node where the picture draws it.
     *
     * @param role primary, standby, main standby, cascaded standby, or unreachable
     * @param lagBytes WAL this standby has not received yet from the production primary; null when unknown
     */
    public record Node(String cluster, String side, String name, String address, String role, boolean reachable,
            Long lagBytes, String upstream, int x, int y) {

        public int textX() {
            return x + 12;
        }

        public int nameY() {
            return y + 22;
        }

        public int roleY() {
            return y + 42;
        }

        /** The role as a CSS class word: {@code main standby} -> {@code main-standby}. */
        public String roleClass() {
            return role.replace(' ', '-');
        }

        public int centerY() {
            return y + BOX_HEIGHT / 2;
        }
    }

    /** A replication stream from one node to another, drawn as a path with an arrow. */
    public record Stream(String from, String to, String path, boolean crossesSites) {
    }

    /** A cluster's heading over its column. */
    public record Column(String cluster, String side, int x) {
    }

    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        nodes.stream().filter(node -> "production".equals(node.side())).findFirst()
                .ifPresent(node -> columns.add(new Column(node.cluster(), node.side(), node.x())));
        nodes.stream().filter(node -> "dr".equals(node.side())).findFirst()
                .ifPresent(node -> columns.add(new Column(node.cluster(), node.side(), node.x())));
        return columns;
    }

    public int boxWidth() {
        return BOX_WIDTH;
    }

    public int boxHeight() {
        return BOX_HEIGHT;
    }

    /** The node of a cluster that carries {@code role}, if the picture has one. */
    public Optional<Node> node(String cluster, String role) {
        return nodes.stream().filter(node -> node.cluster().equals(cluster) && node.role().equals(role)).findFirst();
    }

    /** A node in the text list beside the picture, with the nodes that stream from it (null when none). */
    public record Listed(Node node, String streamsTo) {
    }

    public List<Listed> listed() {
        return nodes.stream().map(node -> {
            List<String> downstream = streams.stream().filter(stream -> stream.from().equals(node.name()))
                    .map(Stream::to).toList();
            return new Listed(node, downstream.isEmpty() ? null : String.join(", ", downstream));
        }).toList();
    }

    /**
     * @param production relationship-service's registration of the production cluster ({@code nodes} with role)
     * @param productionHealth monitor-service's latest samples of its nodes (missing when not polled yet)
     * @param replicating the relationship holds a DR copy that follows production: a DR node registered as
     *     primary and not polled yet is then its main standby
     */
    static Topology of(JsonNode production, JsonNode productionHealth, JsonNode dr, JsonNode drHealth,
            boolean replicating) {
        List<Sampled> prod = sampled(production, productionHealth, false);
        List<Sampled> disaster = sampled(dr, drHealth, replicating);
        Map<String, Sampled> byAddress = new LinkedHashMap<>();
        prod.forEach(node -> byAddress.put(node.address(), node));
        disaster.forEach(node -> byAddress.put(node.address(), node));
        Sampled prodPrimary = prod.stream().filter(Sampled::primary).findFirst().orElse(null);
        Sampled drMain = disaster.stream().filter(node -> node.upstream() != null
                && prod.contains(byAddress.get(node.upstream()))).findFirst()
                .orElseGet(() -> disaster.stream().filter(Sampled::primary).findFirst()
                        .orElse(disaster.isEmpty() ? null : disaster.getFirst()));

        List<Node> nodes = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        int prodX = MARGIN;
        int drX = MARGIN + BOX_WIDTH + COLUMN_GAP;
        Long primaryLsn = prodPrimary == null ? null : prodPrimary.currentLsn();
        placeColumn(nodes, prod, prodPrimary, "production", prodX, primaryLsn, null);
        placeColumn(nodes, disaster, drMain, "dr", drX, primaryLsn, drMain);

        Map<String, Node> placed = new LinkedHashMap<>();
        nodes.forEach(node -> placed.put(node.name(), node));
        for (Node node : nodes) {
            Sampled sample = byAddress.values().stream().filter(s -> s.name().equals(node.name())
                    && s.cluster().equals(node.cluster())).findFirst().orElseThrow();
            Sampled upstream = sample.upstream() == null ? null : byAddress.get(sample.upstream());
            if (upstream == null) {
                upstream = assumedUpstream(sample, prod, prodPrimary, drMain);
            }
            if (upstream != null && placed.containsKey(upstream.name())) {
                streams.add(stream(placed.get(upstream.name()), node));
            }
        }
        int rows = Math.max(1, Math.max(prod.size(), disaster.size()));
        return new Topology(nodes, streams, drX + BOX_WIDTH + MARGIN, TOP + rows * ROW_HEIGHT + 10);
    }

    /** A standby whose poll named no upstream: the way the suite builds it (production primary, or DR main). */
    private static Sampled assumedUpstream(Sampled node, List<Sampled> prod, Sampled prodPrimary, Sampled drMain) {
        if (node.primary() || !node.reachable()) {
            return null;
        }
        if (prod.contains(node) || node == drMain) {
            return node == prodPrimary ? null : prodPrimary;
        }
        return drMain;
    }

    private static void placeColumn(List<Node> nodes, List<Sampled> cluster, Sampled top, String side, int x,
            Long primaryLsn, Sampled drMain) {
        List<Sampled> ordered = new ArrayList<>(cluster);
        if (top != null) {
            ordered.remove(top);
            ordered.addFirst(top);
        }
        int row = 0;
        for (Sampled node : ordered) {
            String role;
            if (!node.reachable()) {
                role = "unreachable";
            } else if (node.primary()) {
                role = "primary";
            } else if ("dr".equals(side)) {
                role = node == drMain ? "main standby" : "cascaded standby";
            } else {
                role = "standby";
            }
            Long lag = node.primary() || primaryLsn == null || node.heldLsn() == null ? null
                    : Math.max(0, primaryLsn - node.heldLsn());
            nodes.add(new Node(node.cluster(), side, node.name(), node.address(), role, node.reachable(), lag,
                    node.upstream(), x, TOP + row * ROW_HEIGHT));
            row++;
        }
    }

    private static Stream stream(Node from, Node to) {
        int fromY = from.centerY();
        int toY = to.centerY();
        String path;
        boolean crosses = !from.side().equals(to.side());
        if (crosses) {
            int startX = from.x() + BOX_WIDTH;
            path = "M" + startX + "," + fromY + " C" + (startX + COLUMN_GAP / 2) + "," + fromY + " "
                    + (to.x() - COLUMN_GAP / 2) + "," + toY + " " + (to.x() - 4) + "," + toY;
        } else if ("production".equals(from.side())) {
            path = "M" + from.x() + "," + fromY + " C" + (from.x() - 30) + "," + fromY + " " + (to.x() - 30) + ","
                    + toY + " " + (to.x() - 4) + "," + toY;
        } else {
            int edge = from.x() + BOX_WIDTH;
            path = "M" + edge + "," + fromY + " C" + (edge + 30) + "," + fromY + " " + (edge + 30) + "," + toY
                    + " " + (edge + 4) + "," + toY;
        }
        return new Stream(from.name(), to.name(), path, crosses);
    }

    /** A registered node with what monitor-service's latest poll says of it. */
    private record Sampled(String cluster, String name, String address, boolean primary, boolean reachable,
            String upstream, Long currentLsn, Long heldLsn) {
    }

    private static List<Sampled> sampled(JsonNode cluster, JsonNode health, boolean followsProduction) {
        Map<String, JsonNode> polled = new LinkedHashMap<>();
        for (JsonNode node : health.path("nodes")) {
            polled.put(node.path("node").asText(), node);
        }
        List<Sampled> nodes = new ArrayList<>();
        String clusterName = cluster.path("name").asText();
        for (JsonNode node : cluster.path("nodes")) {
            String name = node.path("name").asText();
            String address = node.path("host").asText() + ":" + node.path("port").asText();
            JsonNode poll = polled.get(name);
            if (poll == null) {
                nodes.add(new Sampled(clusterName, name, address,
                        !followsProduction && "primary".equals(node.path("role").asText()), true, null, null, null));
                continue;
            }
            boolean reachable = poll.path("reachable").asBoolean();
            boolean primary = reachable ? !poll.path("inRecovery").asBoolean()
                    : "primary".equals(node.path("role").asText());
            Long received = lsn(poll.path("receiveLsn"));
            Long replayed = lsn(poll.path("replayLsn"));
            Long held = received == null ? replayed
                    : replayed == null || Long.compareUnsigned(received, replayed) >= 0 ? received : replayed;
            nodes.add(new Sampled(clusterName, name, address, primary, reachable,
                    poll.path("upstream").asText(null), lsn(poll.path("currentLsn")), held));
        }
        return nodes;
    }

    /** An LSN as monitor-service writes it: {@code {"value": n}} or {@code "0/3000060"}. */
    static Long lsn(JsonNode node) {
        if (node.isObject() && node.path("value").isNumber()) {
            return node.path("value").asLong();
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().contains("/")) {
            String text = node.asText();
            int slash = text.indexOf('/');
            return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
                    | Long.parseUnsignedLong(text.substring(slash + 1), 16);
        }
        return null;
    }
}
