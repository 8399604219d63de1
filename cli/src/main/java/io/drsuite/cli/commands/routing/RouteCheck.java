package io.drsuite.cli.commands.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What monitor-service's load-balancer checks answered for the nodes of a cluster, and the verdict: routing is sound
 * when exactly one node answers as the primary. Its JSON document is drctl's own, stable for scripts:
 * <pre>
 * {"cluster": "prod", "healthy": true, "primaries": ["prod-2"],
 *  "nodes": [{"name": "prod-1", "role": "standby",
 *             "primary": {"status": 503, "answer": "standby"}, "replica": {"status": 200, "answer": "replica"}}]}
 * </pre>
 */
record RouteCheck(String cluster, List<NodeAnswers> nodes) {

    /** One check's answer: 200 routes traffic to the node, 503 does not; the answer is the status word. */
    record Answer(int status, String word) {

        boolean routes() {
            return status == 200;
        }
    }

    /**
     * @param role the node's role in the registry (primary, standby), as a second opinion
     */
    record NodeAnswers(String name, String role, Answer primary, Answer replica) {
    }

    /** The nodes that answer 200 to the primary check. */
    List<String> primaries() {
        return nodes.stream().filter(node -> node.primary().routes()).map(NodeAnswers::name).toList();
    }

    /** Exactly one node answers as the primary. */
    boolean healthy() {
        return primaries().size() == 1;
    }

    /** For people: "prod-2 answers as the primary", or what is wrong. */
    String verdict() {
        List<String> primaries = primaries();
        return switch (primaries.size()) {
            case 0 -> "no node of " + cluster + " answers as the primary: writes routed by these checks go nowhere";
            case 1 -> primaries.get(0) + " answers as the primary of " + cluster;
            default -> primaries.size() + " nodes of " + cluster + " answer as the primary (" + String.join(", ",
                    primaries) + "): a load balancer would split writes";
        };
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode document = json.createObjectNode();
        document.put("cluster", cluster);
        document.put("healthy", healthy());
        ArrayNode primaries = document.putArray("primaries");
        primaries().forEach(primaries::add);
        ArrayNode list = document.putArray("nodes");
        for (NodeAnswers node : nodes) {
            ObjectNode item = list.addObject();
            item.put("name", node.name());
            item.put("role", node.role());
            answer(item.putObject("primary"), node.primary());
            answer(item.putObject("replica"), node.replica());
        }
        return document;
    }

    private static void answer(ObjectNode node, Answer answer) {
        node.put("status", answer.status());
        node.put("answer", answer.word());
    }
}
