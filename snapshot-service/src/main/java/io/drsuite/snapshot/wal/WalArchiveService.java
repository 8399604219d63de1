package io.drsuite.snapshot.wal;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.platform.origin.ChangeOrigins;
import io.drsuite.platform.problem.ProblemException;
import io.drsuite.snapshot.api.WalArchiveRequest;
import io.drsuite.snapshot.model.WalArchive;
import io.drsuite.snapshot.model.WalArchiveState;
import io.drsuite.snapshot.service.SnapshotRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Switches WAL archives on and off, and follows their stream tasks. Switching on records the archive and requests
 * its task in one transaction; switching off asks the task to stop. The archived files stay until retention removes
 * them.
 */
@ApplicationScoped
public class WalArchiveService {

    private static final Logger LOG = Logger.getLogger(WalArchiveService.class);

    private final SnapshotRules rules;
    private final WalTaskRequests tasks;
    private final WalCatalog catalog;

    WalArchiveService(SnapshotRules rules, WalTaskRequests tasks, WalCatalog catalog) {
        this.rules = rules;
        this.tasks = tasks;
        this.catalog = catalog;
    }

    @Transactional
    public WalArchive switchOn(WalArchiveRequest request) {
        KnownCluster cluster = rules.cluster(request.cluster());
        String storage = rules.storage(request.storage());
        WalArchive.lockCluster(cluster.name);
        WalArchive.activeOf(cluster.name).ifPresent(active -> {
            throw ProblemException.conflict("wal-archive-active", "cluster '" + cluster.name + "' has WAL archive "
                    + active.id + " (" + active.state.wireName() + "); switch it off before switching on another");
        });
        WalArchive archive = new WalArchive();
        archive.id = UUID.randomUUID();
        archive.cluster = cluster.name;
        archive.storage = storage;
        archive.keyPrefix = cluster.name + "/wal/" + archive.id;
        archive.synchronous = request.isSynchronous();
        archive.state = WalArchiveState.STARTING;
        archive.taskId = UUID.randomUUID();
        archive.requestedBy = ChangeOrigins.current().requestedBy();
        archive.requestedAt = Instant.now();
        archive.persistAndFlush();
        tasks.stream(archive);
        catalog.announce(archive);
        return archive;
    }

    /** Asks the stream task to stop; an archive that is stopping already is left as it is. */
    @Transactional
    public WalArchive switchOff(UUID id) {
        WalArchive archive = locked(id);
        if (!archive.state.isActive()) {
            throw ProblemException.conflict("wal-archive-not-active", "WAL archive " + id + " is "
                    + archive.state.wireName() + " already");
        }
        if (archive.state != WalArchiveState.STOPPING) {
            archive.setAsStopping();
            tasks.cancel(archive, ChangeOrigins.current().requestedBy() == null ? "snapshot-service"
                    : ChangeOrigins.current().requestedBy());
            catalog.announce(archive);
        }
        return archive;
    }

    public List<WalArchive> archives(String cluster) {
        return WalArchive.newestFirst(cluster);
    }

    public WalArchive archive(UUID id) {
        return WalArchive.<WalArchive>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("wal-archive", "no WAL archive " + id));
    }

    /** The stream task ran a step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void streamProgressed(WalArchive archive) {
        if (archive.state == WalArchiveState.STARTING) {
            archive.setAsStreaming();
            catalog.announce(archive);
        }
    }

    /** The stream task ended: stopped when it was cancelled or ended cleanly, failed otherwise. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void streamEnded(WalArchive archive, boolean failed, Instant at, String error) {
        if (!archive.state.isActive()) {
            return;
        }
        if (failed) {
            archive.setAsFailed(at, error);
            LOG.warnf("WAL archive %s of %s failed: %s", archive.id, archive.cluster, error);
        } else {
            archive.setAsStopped(at);
            LOG.infof("WAL archive %s of %s stopped", archive.id, archive.cluster);
        }
        catalog.announce(archive);
    }

    private static WalArchive locked(UUID id) {
        WalArchive archive = WalArchive.locked(id);
        if (archive == null) {
            throw ProblemException.notFound("wal-archive", "no WAL archive " + id);
        }
        return archive;
    }
}
