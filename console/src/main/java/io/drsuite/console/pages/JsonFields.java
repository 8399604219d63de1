package io.drsuite.console.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Reading the optional fields of a service's JSON answer into the small records the templates show. */
public final class JsonFields {

    private JsonFields() {
    }

    public static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : node.isNumber() || node.isBoolean() ? node.asText() : null;
    }

    public static Long longOrNull(JsonNode node) {
        return node.isNumber() ? node.asLong() : null;
    }

    public static Double doubleOrNull(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    public static Instant instant(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static UUID uuid(JsonNode node) {
        if (!node.isTextual()) {
            return null;
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
