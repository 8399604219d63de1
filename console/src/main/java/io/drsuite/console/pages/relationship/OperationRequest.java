package io.drsuite.console.pages.relationship;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The body relationship-service's operation endpoints take: a failover's reason (forced from {@code error}), a
 * stop's promotion and reason; the other operations take none.
 */
final class OperationRequest {

    static final Set<String> OPERATIONS = Set.of("switchover", "failover", "reprotect", "stop", "resume");

    private OperationRequest() {
    }

    static Map<String, Object> body(String operation, RelationshipDetail relationship, String reason,
            boolean promoteDr) {
        Map<String, Object> body = new LinkedHashMap<>();
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        switch (operation) {
            case "failover" -> {
                body.put("reason", why);
                body.put("force", "error".equals(relationship.phase()));
            }
            case "stop" -> {
                body.put("promoteDr", promoteDr);
                body.put("reason", why);
            }
            default -> {
            }
        }
        return body;
    }
}
