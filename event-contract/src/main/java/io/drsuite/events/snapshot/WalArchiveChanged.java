package io.drsuite.events.snapshot;

import static io.drsuite.events.Require.present;
import static io.drsuite.events.Require.text;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A WAL archive's state, continuity or recovery window changed.
 *
 * @param state {@code starting}, {@code streaming}, {@code stopping}, {@code stopped} or {@code failed}
 * @param lastSegment the newest complete segment stored, null before the first
 * @param lastSegmentClosedAt when that segment was complete on the streaming side
 * @param gaps the missing stretches, each in words ({@code timeline 1: 000000010000000000000005 to
 *        000000010000000000000007 missing}); empty when the archive is continuous
 * @param recoveryWindowStart the earliest point a restore can reach (the oldest usable base backup's), or null
 * @param recoveryWindowEnd the latest point a restore can reach (the newest archived WAL's), or null
 */
@RegisterForReflection
public record WalArchiveChanged(
        UUID archiveId,
        String cluster,
        String storage,
        String state,
        String lastSegment,
        Instant lastSegmentClosedAt,
        List<String> gaps,
        Instant recoveryWindowStart,
        Instant recoveryWindowEnd,
        Instant at) {

    public WalArchiveChanged {
        present(archiveId, "archiveId");
        text(cluster, "cluster");
        text(storage, "storage");
        text(state, "state");
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        present(at, "at");
    }

    public boolean continuous() {
        return gaps.isEmpty();
    }
}
