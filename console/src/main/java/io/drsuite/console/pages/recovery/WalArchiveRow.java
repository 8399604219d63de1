package io.drsuite.console.pages.recovery;

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

/** A WAL archive as the recovery page shows it. */
public record WalArchiveRow(UUID id, String cluster, String storage, String state, boolean synchronous,
        String applicationName, String lastSegment, Instant lastSegmentClosedAt, Double lastSegmentAgeSeconds,
        Long segments, Long bytes, List<String> gaps, Instant windowStart, Instant windowEnd, UUID taskId,
        String error) {

    static WalArchiveRow of(JsonNode archive) {
        List<String> gaps = new ArrayList<>();
        archive.path("gaps").forEach(gap -> gaps.add(gap.asText()));
        JsonNode window = archive.path("recoveryWindow");
        return new WalArchiveRow(uuid(archive.path("id")), text(archive.path("cluster")),
                text(archive.path("storage")), text(archive.path("state")), archive.path("synchronous").asBoolean(),
                text(archive.path("applicationName")), text(archive.path("lastSegment")),
                instant(archive.path("lastSegmentClosedAt")), doubleOrNull(archive.path("lastSegmentAgeSeconds")),
                longOrNull(archive.path("segments")), longOrNull(archive.path("bytes")), gaps,
                instant(window.path("start")), instant(window.path("end")), uuid(archive.path("taskId")),
                text(archive.path("error")));
    }

    /** Whether it streams or is about to: it can be switched off. */
    public boolean active() {
        return "starting".equals(state) || "streaming".equals(state);
    }

    public boolean continuous() {
        return gaps.isEmpty();
    }
}
