package io.drsuite.snapshot.api;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.validation.Names;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A backup policy: what to back up, when (Unix cron, UTC) and how long to keep it.
 *
 * @param schedule five fields: minute hour day-of-month month day-of-week, e.g. {@code 30 2 * * *}
 * @param suspended true to keep the policy without running it
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
        Boolean suspended) {

    public List<String> tableList() {
        return tables == null ? List.of() : tables;
    }
}
