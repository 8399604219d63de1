package io.drsuite.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterChanged;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.events.cluster.ClusterRemoved;
import io.drsuite.platform.inbox.EventInbox;
import io.drsuite.platform.inbox.IncomingEvent;
import io.drsuite.platform.paging.Page;
import io.drsuite.platform.paging.PageRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Folds registry events into this service's {@link KnownCluster} projection, each event once.
 */
@ApplicationScoped
public class ClusterCatalog {

    private static final Logger LOG = Logger.getLogger(ClusterCatalog.class);

    private final EventInbox inbox;
    private final ObjectMapper json;

    ClusterCatalog(EventInbox inbox, ObjectMapper json) {
        this.inbox = inbox;
        this.json = json;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (!inbox.firstDelivery(event)) {
            LOG.debugf("Skipping redelivered event %s", event.id());
            return;
        }
        if (event.is(ClusterEvents.REGISTERED)) {
            register(event.payload(ClusterEvents.REGISTERED, json));
        } else if (event.is(ClusterEvents.CHANGED)) {
            change(event.payload(ClusterEvents.CHANGED, json));
        } else if (event.is(ClusterEvents.REMOVED)) {
            remove(event.payload(ClusterEvents.REMOVED, json));
        } else {
            LOG.debugf("Ignoring event type %s on the cluster topic", event.type());
        }
    }

    /** Read in a transaction of its own when there is none, so callers outside a request (task threads) work. */
    @Transactional
    public List<KnownCluster> clusters() {
        return KnownCluster.listByName();
    }

    /** One page of the known clusters, for an API list. */
    @Transactional
    public Page<KnownCluster> clusters(PageRequest page) {
        return KnownCluster.pageByName(page);
    }

    @Transactional
    public Optional<KnownCluster> cluster(String name) {
        return KnownCluster.findByName(name);
    }

    /**
     * The cluster, waiting up to {@code wait} for its registration: registry events and the requests that name a
     * cluster travel separately, so a cluster registered a moment ago may not be known here yet. Each look is a
     * transaction of its own, so a registration committed meanwhile is seen (also from inside a transaction).
     */
    public Optional<KnownCluster> awaitCluster(String name, Duration wait) {
        return awaitCluster(name, cluster -> true, wait);
    }

    /**
     * The cluster once it is {@code ready} (e.g. knows a node added a moment ago), waiting up to {@code wait}; after
     * that, the cluster as known then, ready or not, for the caller to judge.
     */
    public Optional<KnownCluster> awaitCluster(String name, Predicate<KnownCluster> ready, Duration wait) {
        Instant giveUp = Instant.now().plus(wait);
        while (true) {
            Optional<KnownCluster> known = QuarkusTransaction.requiringNew().call(() -> KnownCluster.findByName(name));
            if (known.filter(ready).isPresent() || Instant.now().isAfter(giveUp)) {
                return known;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for cluster " + name, e);
            }
        }
    }

    private void register(ClusterRegistered registered) {
        // Events of different clusters travel on different partitions and may arrive out of order. Of two
        // registrations under one name (the first removed in between), the newer one holds the name.
        if (KnownCluster.count("name = ?1 and id <> ?2 and registeredAt > ?3",
                registered.name(), registered.clusterId(), registered.registeredAt()) > 0) {
            LOG.infof("Skipping registration of %s (%s): a newer cluster holds that name", registered.name(),
                    registered.clusterId());
            return;
        }
        KnownCluster.delete("name = ?1 and id <> ?2 and registeredAt <= ?3",
                registered.name(), registered.clusterId(), registered.registeredAt());
        KnownCluster cluster = KnownCluster.<KnownCluster>findByIdOptional(registered.clusterId())
                .orElseGet(KnownCluster::new);
        cluster.id = registered.clusterId();
        cluster.name = registered.name();
        cluster.serverVersion = registered.serverVersion();
        cluster.majorVersion = registered.majorVersion();
        cluster.nodes = registered.nodes();
        cluster.adminLogin = registered.adminLogin();
        cluster.replicationLogin = registered.replicationLogin();
        cluster.registeredAt = registered.registeredAt();
        cluster.persist();
        LOG.infof("Cluster %s (%s) is now known", cluster.name, cluster.id);
    }

    /** Events of one cluster are ordered (keyed by its id), so a change always finds its registration. */
    private void change(ClusterChanged changed) {
        KnownCluster.<KnownCluster>findByIdOptional(changed.clusterId()).ifPresentOrElse(cluster -> {
            cluster.nodes = changed.nodes();
            LOG.infof("Cluster %s (%s) now has main node %s", cluster.name, cluster.id, cluster.mainNode().name());
        }, () -> LOG.infof("Ignoring a change of cluster %s (%s), which is not known here", changed.name(),
                changed.clusterId()));
    }

    private void remove(ClusterRemoved removed) {
        if (KnownCluster.deleteById(removed.clusterId())) {
            LOG.infof("Cluster %s (%s) forgotten", removed.name(), removed.clusterId());
        }
    }
}
