package io.drsuite.recyclebin.service;

import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.drsuite.recyclebin.bin.ObjectKind;
import io.drsuite.recyclebin.model.BinEntry;
import io.drsuite.recyclebin.model.StateFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** The bin's entries as this service knows them, for reading. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BinEntries {

    /**
     * A page of entries, the latest dropped first, of the cluster, database and kind when given, in the states
     * asked for.
     */
    public Page<BinEntry> newestFirst(String cluster, String database, ObjectKind kind, StateFilter states,
            PageRequest page) {
        return BinEntry.newestFirst(cluster, database, kind, states, page);
    }

    public Optional<BinEntry> find(UUID id) {
        return BinEntry.findByIdOptional(id);
    }
}
