package io.drsuite.relationship.api;

import io.drsuite.events.task.RebuildMode;
import io.drsuite.platform.problem.ProblemException;
import java.util.Arrays;

/**
 * Body of {@code POST /api/v1/clusters/{name}/nodes/{node}/rebuild}.
 *
 * @param mode {@code auto} (default: pg_rewind, a full build when that fails), {@code incremental} (pg_rewind only)
 *     or {@code full} (pg_basebackup)
 */
public record NodeRebuildRequest(String mode) {

    /** The mode asked for, {@code auto} when none; 400 for a word that is not a mode. */
    public RebuildMode rebuildMode() {
        if (mode == null || mode.isBlank()) {
            return RebuildMode.AUTO;
        }
        return Arrays.stream(RebuildMode.values()).filter(known -> known.wireName().equals(mode)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("mode", "mode '" + mode + "' is not one of "
                        + Arrays.stream(RebuildMode.values()).map(RebuildMode::wireName).toList()));
    }
}
