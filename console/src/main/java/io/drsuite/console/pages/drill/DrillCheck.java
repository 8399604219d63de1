package io.drsuite.console.pages.drill;

import static io.drsuite.console.pages.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;

/** One check of a finished drill: {@code connect}, {@code table}, {@code amcheck} or {@code user}. */
public record DrillCheck(String name, String kind, boolean passed, String detail) {

    static DrillCheck of(JsonNode check) {
        return new DrillCheck(text(check.path("name")), text(check.path("kind")), check.path("passed").asBoolean(),
                text(check.path("detail")));
    }
}
