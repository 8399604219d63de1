package io.drsuite.snapshot.wal;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.storage.StorageLocations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Retention of archived WAL, run when snapshot retention deleted a physical snapshot: WAL that lies wholly before the
 * start of the oldest physical snapshot the cluster keeps can no longer be replayed by any restore, so its objects
 * and rows go. A cluster without a physical snapshot keeps all its WAL. History files stay (they are tiny and a
 * restore across timelines needs them).
 */
@ApplicationScoped
public class WalRetention {

    private static final Logger LOG = Logger.getLogger(WalRetention.class);

    private final ArchivedWalFiles files;
    private final StorageLocations storage;
    private final WalCatalog catalog;

    WalRetention(ArchivedWalFiles files, StorageLocations storage, WalCatalog catalog) {
        this.files = files;
        this.storage = storage;
        this.catalog = catalog;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void trim(String cluster) {
        Optional<Snapshot> oldest = Snapshot.oldestKeptPhysical(cluster);
        if (oldest.isEmpty()) {
            return;
        }
        long keepFrom = Lsn.parse(oldest.get().startLsn).value();
        for (WalArchive listed : WalArchive.ofCluster(cluster)) {
            WalArchive archive = WalArchive.locked(listed.id);
            List<String> expired = files.objectKeysBefore(archive.id, keepFrom);
            for (String key : expired) {
                try {
                    storage.get(archive.storage).delete(key);
                } catch (IOException e) {
                    LOG.warnf("WAL retention could not delete %s from '%s' (%s); kept for the next run", key,
                            archive.storage, e.getMessage());
                    break;
                }
                files.forget(archive.id, key);
            }
            if (!expired.isEmpty()) {
                LOG.infof("WAL retention deleted up to %d files of archive %s of %s (before %s)", expired.size(),
                        archive.id, cluster, oldest.get().startLsn);
                catalog.summarize(archive);
            }
        }
    }
}
