package io.drsuite.console.pages.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether a service's audit hash chain is intact, as its {@code /api/v1/audit/verification} walked it. */
public record ChainState(String service, Boolean intact, long records, Long brokenAt, String problem) {

    static ChainState of(String service, JsonNode verification) {
        return new ChainState(service, verification.path("intact").asBoolean(), verification.path("records").asLong(),
                verification.path("brokenAt").isNumber() ? verification.path("brokenAt").asLong() : null,
                verification.path("problem").asText(null));
    }

    static ChainState unread(String service, String why) {
        return new ChainState(service, null, 0, null, why);
    }
}
