package io.drsuite.cli.commands.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The five services keep their own audit logs; {@code drctl audit} shows them as one: every record of every answer,
 * newest first by {@code recordedAt} (a record's id, then its service, break ties so the order is stable), cut to the
 * limit.
 */
final class AuditMerge {

    private static final Comparator<JsonNode> NEWEST_FIRST = Comparator
            .comparing(AuditMerge::recordedAt).reversed()
            .thenComparing(Comparator.comparingLong((JsonNode record) -> record.path("id").asLong()).reversed())
            .thenComparing(record -> record.path("service").asText());

    private AuditMerge() {
    }

    static ArrayNode newestFirst(List<JsonNode> pages, int limit) {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode page : pages) {
            if (page != null && page.isArray()) {
                page.forEach(records::add);
            }
        }
        records.sort(NEWEST_FIRST);
        ArrayNode merged = JsonNodeFactory.instance.arrayNode();
        records.stream().limit(limit).forEach(merged::add);
        return merged;
    }

    private static Instant recordedAt(JsonNode record) {
        try {
            return Instant.parse(record.path("recordedAt").asText());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
