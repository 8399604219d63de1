package io.drsuite.console.pages.drill;

import static io.drsuite.console.pages.JsonFields.doubleOrNull;
import static io.drsuite.console.pages.JsonFields.instant;
import static io.drsuite.console.pages.JsonFields.longOrNull;
import static io.drsuite.console.pages.JsonFields.text;
import static io.drsuite.console.pages.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A drill as the Drills page shows it: its relationship, state, figures against the objectives, who ran it. */
public record DrillRow(UUID id, String kind, String relationship, String sandbox, String state, UUID taskId,
        int percent, String currentStep, Double rtoSeconds, Long rpoBytes, Double rpoSeconds,
        Long rtoObjectiveSeconds, Long rpoObjectiveSeconds, String dataPointLsn, Double sourcePauseSeconds,
        Instant requestedAt, Instant finishedAt, String requestedBy, List<String> reasons) {

    static DrillRow of(JsonNode drill) {
        JsonNode figures = drill.path("figures");
        JsonNode objectives = drill.path("objectives");
        List<String> reasons = new ArrayList<>();
        drill.path("reasons").forEach(reason -> reasons.add(reason.asText()));
        return new DrillRow(uuid(drill.path("id")), text(drill.path("kind")), text(drill.path("relationship")),
                text(drill.path("sandbox")), text(drill.path("state")), uuid(drill.path("taskId")),
                drill.path("percent").asInt(), text(drill.path("currentStep")), doubleOrNull(figures.path("rtoSeconds")),
                longOrNull(figures.path("rpoBytes")), doubleOrNull(figures.path("rpoSeconds")),
                longOrNull(objectives.path("rtoObjectiveSeconds")), longOrNull(objectives.path("rpoObjectiveSeconds")),
                text(figures.path("dataPointLsn")), doubleOrNull(figures.path("sourcePauseSeconds")),
                instant(drill.path("requestedAt")), instant(drill.path("finishedAt")), text(drill.path("requestedBy")),
                reasons);
    }

    public boolean running() {
        return "running".equals(state);
    }

    public boolean passed() {
        return "passed".equals(state);
    }

    /** The RTO as a share of its objective (for the bar), 0..100; null without both. */
    public Integer rtoShare() {
        if (rtoSeconds == null || rtoObjectiveSeconds == null || rtoObjectiveSeconds == 0) {
            return null;
        }
        return (int) Math.min(100, Math.round(100 * rtoSeconds / rtoObjectiveSeconds));
    }
}
