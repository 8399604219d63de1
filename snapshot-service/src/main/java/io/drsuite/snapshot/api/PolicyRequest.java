package io.drsuite.snapshot.api;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A backup policy: what to back up, when (Unix cron, UTC) and how long to keep it.
 *
 * @param schedule five fields: minute hour day-of-month month day-of-week, e.g. {@code 30 2 * * *}
 * @param suspended true to keep the policy without running it
 * @param restoreObjectiveSeconds the cluster's restore objective: how long a restore test's restore may take
 *     (1 s to 7 days); a cluster with several policies has the strictest
 * @param maxBackupAgeSeconds the cluster's backup age objective: how old its newest good snapshot may get (1 minute
 *     to 366 days); a cluster with several policies has the strictest
 */
public record PolicyRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String name,
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull SnapshotKind kind,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String database,
        @Size(max = 200) List<@NotNull @Pattern(regexp = Names.TABLE, message = Names.TABLE_RULE) String> tables,
        @NotNull @Size(min = 9, max = 100) String schedule,
        @NotNull @Valid RetentionRequest retention,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String storage,
        Boolean suspended,
        @Min(1) @Max(MAX_RESTORE_OBJECTIVE_SECONDS) Long restoreObjectiveSeconds,
        @Min(60) @Max(MAX_BACKUP_AGE_SECONDS) Long maxBackupAgeSeconds) {

    public static final long MAX_RESTORE_OBJECTIVE_SECONDS = 7L * 24 * 3600;
    public static final long MAX_BACKUP_AGE_SECONDS = 366L * 24 * 3600;

    public List<String> tableList() {
        return tables == null ? List.of() : tables;
    }
}
