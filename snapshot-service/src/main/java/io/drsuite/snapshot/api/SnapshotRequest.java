package io.drsuite.snapshot.api;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A request to back up a cluster now.
 *
 * @param database logical only: the database to dump
 * @param tables logical only: dump just these tables of it ({@code schema.table}; a bare name is in {@code public})
 * @param storage the storage location's name; the deployment's default when absent
 * @param label free text shown in the catalog
 */
public record SnapshotRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @NotNull SnapshotKind kind,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String database,
        @Size(max = 200) List<@NotNull @Pattern(regexp = Names.TABLE, message = Names.TABLE_RULE) String> tables,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String storage,
        @Size(max = 200) String label) {

    public List<String> tableList() {
        return tables == null ? List.of() : tables;
    }
}
