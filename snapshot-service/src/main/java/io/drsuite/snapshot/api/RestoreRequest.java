package io.drsuite.snapshot.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Where to restore a snapshot. Every field is optional.
 *
 * @param targetCluster the cluster to restore into; the snapshot's own cluster when absent
 * @param targetDatabase logical: the database to restore into; a new name ({@code <database>_<snapshot time>}) when
 *        absent
 * @param targetNode physical: the node whose data directory is replaced; the cluster's main node when absent
 * @param tables logical: replace the rows of only these tables of an existing database
 * @param replace required to replace existing data: an existing database, tables' rows, a node's data directory
 * @param reason why: required with {@code replace}, kept in the audit log with the caller's name
 */
public record RestoreRequest(
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String targetCluster,
        @Pattern(regexp = Names.IDENTIFIER, message = Names.IDENTIFIER_RULE) String targetDatabase,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String targetNode,
        @Size(max = 200) List<@NotNull @Pattern(regexp = Names.TABLE, message = Names.TABLE_RULE) String> tables,
        Boolean replace,
        String reason) {

    public static final RestoreRequest DEFAULTS = new RestoreRequest(null, null, null, null, null, null);

    public List<String> tableList() {
        return tables == null ? List.of() : tables;
    }

    public boolean replaces() {
        return Boolean.TRUE.equals(replace);
    }
}
