package io.drsuite.snapshot.api;

import io.drsuite.platform.validation.Names;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Switch on a cluster's WAL archive.
 *
 * @param cluster the registered cluster whose WAL is streamed
 * @param storage the storage location; the default one when absent
 * @param synchronous stream with {@code pg_receivewal --synchronous}, so the archive can be a synchronous standby
 */
public record WalArchiveRequest(
        @NotNull @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String cluster,
        @Pattern(regexp = Names.RESOURCE, message = Names.RESOURCE_RULE) String storage,
        Boolean synchronous) {

    public boolean isSynchronous() {
        return Boolean.TRUE.equals(synchronous);
    }
}
