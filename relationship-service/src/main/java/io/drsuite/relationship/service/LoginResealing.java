package io.drsuite.relationship.service;

import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.platform.outbox.EventOutbox;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SecretSealer;
import io.drsuite.relationship.model.Cluster;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps the registry's stored passwords bound to their cluster and sealed under the current suite key. At every
 * start it re-seals the values sealed under an older key (after a key rotation), and at the upgrade to bound values
 * it re-seals the unbound {@code v1} values, each bound to the row it is in. Every cluster it re-seals is announced
 * again ({@code cluster.registered}), so the other services' projections carry the new values too.
 *
 * <p>Unbound values are accepted only while the registry holds no bound value yet, that is at the first start after
 * the upgrade: an unbound value written into a row later (copied from an old event, say) is refused, not bound to a
 * cluster it may not belong to.
 */
@ApplicationScoped
public class LoginResealing {

    private static final Logger LOG = Logger.getLogger(LoginResealing.class);

    private final SecretSealer sealer;
    private final EventOutbox outbox;

    LoginResealing(SecretSealer sealer, EventOutbox outbox) {
        this.sealer = sealer;
        this.outbox = outbox;
    }

    void onStart(@Observes StartupEvent start) {
        resealStale();
    }

    /** @return how many clusters were re-sealed */
    public int resealStale() {
        return QuarkusTransaction.requiringNew().call(() -> {
            // Locked, so two replicas starting together do not both re-seal and announce a cluster.
            List<Cluster> clusters = Cluster.<Cluster>findAll().withLock(LockModeType.PESSIMISTIC_WRITE).list();
            boolean upgrading = clusters.stream().allMatch(cluster ->
                    SecretSealer.isUnboundLegacy(cluster.adminPasswordSealed)
                            && SecretSealer.isUnboundLegacy(cluster.replicationPasswordSealed));
            int resealed = 0;
            for (Cluster cluster : clusters) {
                if (reseal(cluster, upgrading)) {
                    outbox.record(ClusterEvents.REGISTERED, cluster.id.toString(),
                            ClusterRegistry.registeredEvent(cluster));
                    resealed++;
                }
            }
            if (resealed > 0) {
                LOG.infof("Re-sealed the stored passwords of %d cluster(s) under key id %s", resealed,
                        sealer.currentKeyId());
            }
            return resealed;
        });
    }

    private boolean reseal(Cluster cluster, boolean upgrading) {
        String admin = resealed(cluster, cluster.adminPasswordSealed, SecretBinding.adminPassword(cluster.id),
                upgrading);
        String replication = resealed(cluster, cluster.replicationPasswordSealed,
                SecretBinding.replicationPassword(cluster.id), upgrading);
        if (admin.equals(cluster.adminPasswordSealed) && replication.equals(cluster.replicationPasswordSealed)) {
            return false;
        }
        cluster.adminPasswordSealed = admin;
        cluster.replicationPasswordSealed = replication;
        return true;
    }

    /** The value re-sealed, or unchanged when it is current or cannot be opened (logged). */
    private String resealed(Cluster cluster, String sealed, SecretBinding binding, boolean upgrading) {
        if (sealer.isSealedUnderCurrentKey(sealed)) {
            return sealed;
        }
        try {
            String secret;
            if (SecretSealer.isUnboundLegacy(sealed)) {
                if (!upgrading) {
                    throw new SealedSecretRefusedException("it is in the unbound v1 format, but the registry "
                            + "already holds bound values, so it was written after the upgrade");
                }
                secret = sealer.openUnboundLegacy(sealed);
            } else {
                secret = sealer.open(sealed, binding);
            }
            return sealer.seal(secret, binding);
        } catch (SealedSecretRefusedException e) {
            LOG.errorf("The stored %s of cluster %s (%s) cannot be re-sealed and will be refused: %s; register "
                    + "the cluster again", binding.field().label(), cluster.name, cluster.id, e.getMessage());
            return sealed;
        }
    }
}
