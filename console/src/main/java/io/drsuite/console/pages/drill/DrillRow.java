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

/**
 * A drill as the Drills page shows it: its relationship, state, figures against the objectives, who ran it. A round
 * trip's {@code rtoSeconds} is its longer write outage; {@code trip} and {@code restore} hold the figures only those
 * kinds measure.
 */
public record DrillRow(UUID id, String kind, String relationship, String sandbox, String state, UUID taskId,
        int percent, String currentStep, Double rtoSeconds, Long rpoBytes, Double rpoSeconds,
        Long rtoObjectiveSeconds, Long rpoObjectiveSeconds, String dataPointLsn, Double sourcePauseSeconds,
        Instant requestedAt, Instant finishedAt, String requestedBy, List<String> reasons, Trip trip,
        Restore restore) {

    /** A switchover round trip's figures. */
    public record Trip(Double outageThereSeconds, Double outageBackSeconds, Long canaryCommits,
            Long canaryLostCommits) {
    }

    /** A restore test's figures. */
    public record Restore(String cluster, String snapshotId, Double restoreSeconds, Long restoreObjectiveSeconds) {
    }

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
                reasons, new Trip(doubleOrNull(figures.path("outageThereSeconds")),
                        doubleOrNull(figures.path("outageBackSeconds")), longOrNull(figures.path("canaryCommits")),
                        longOrNull(figures.path("canaryLostCommits"))),
                new Restore(text(drill.path("cluster")), text(figures.path("snapshotId")),
                        doubleOrNull(figures.path("restoreSeconds")),
                        longOrNull(objectives.path("restoreObjectiveSeconds"))));
    }

    /** The kind in words, as a heading says it. */
    public String kindWords() {
        return switch (kind == null ? "" : kind) {
            case "switchover_round_trip" -> "Switchover round trip";
            case "restore_test" -> "Restore test";
            default -> "Failover rehearsal";
        };
    }

    public boolean roundTrip() {
        return "switchover_round_trip".equals(kind);
    }

    public boolean restoreTest() {
        return "restore_test".equals(kind);
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
