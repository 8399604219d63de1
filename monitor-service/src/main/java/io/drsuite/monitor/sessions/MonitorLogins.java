package io.drsuite.monitor.sessions;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.monitor.config.MonitorConfig;
import io.drsuite.monitor.model.MonitorLogin;
import io.drsuite.platform.secrets.SecretBinding;
import io.drsuite.platform.secrets.SealedSecretRefusedException;
import io.drsuite.platform.secrets.SecretSealer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Which login each cluster's monitoring sessions use: the monitoring role {@code drsuite_monitor} once it is made or
 * found (its password kept sealed in {@code monitor_login}), the cluster's admin login until then or when it cannot
 * be made, said once per cluster in the log. The role is made over a node's admin session a watcher already holds,
 * so finding out costs no connection of its own; a cluster left on the admin login is looked at again every
 * {@code drsuite.monitor.sessions.login-recheck}.
 */
@ApplicationScoped
public class MonitorLogins {

    private static final Logger LOG = Logger.getLogger(MonitorLogins.class);

    private final SecretSealer sealer;
    private final Duration recheck;
    private final Map<UUID, ClusterLogin> clusters = new ConcurrentHashMap<>();

    MonitorLogins(SecretSealer sealer, MonitorConfig config) {
        this.sealer = sealer;
        this.recheck = config.sessions().loginRecheck();
    }

    /**
     * The login to open the node's session with.
     *
     * @throws IllegalStateException when the role is not known and the admin login cannot be opened with this
     *     service's key
     */
    SessionLogin loginFor(WatchedNode node) {
        Login monitor = state(node).monitor;
        return monitor != null ? new SessionLogin(monitor, true) : adminLogin(node);
    }

    SessionLogin adminLogin(WatchedNode node) {
        try {
            return new SessionLogin(new Login(node.admin().username(), sealer.open(node.admin().sealedPassword(),
                    SecretBinding.adminPassword(node.clusterId()))), false);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the admin login cannot be opened with this service's key", e);
        }
    }

    /**
     * Whether the watcher holding an admin session to the node should look at the role now; true at most once per
     * recheck interval per cluster, to one watcher at a time.
     */
    boolean claimLook(WatchedNode node) {
        ClusterLogin state = state(node);
        synchronized (state) {
            if ((state.monitor != null && !state.relook) || state.looking || Instant.now().isBefore(state.nextLook)) {
                return false;
            }
            state.looking = true;
            return true;
        }
    }

    /**
     * Looks at the role over an admin session the caller claimed the look for: makes it on a primary whose admin
     * login may make roles, or takes the lineage's known one on a standby that has it. Never fails the caller's
     * poll: what goes wrong leaves the cluster on the admin login, and why is logged once.
     */
    void look(WatchedNode node, NodeSession admin) {
        ClusterLogin state = state(node);
        String fallback;
        Login monitor = null;
        try {
            MonitorRole.Facts facts = MonitorRole.inspect(admin);
            Optional<Login> known = known(node.clusterId(), facts.systemIdentifier());
            if (facts.exists() && facts.hasMoreRights()) {
                fallback = "a role " + MonitorRole.NAME + " exists with more rights than pg_monitor; the suite leaves "
                        + "it alone";
            } else if (!facts.inRecovery() && facts.mayMakeRoles()) {
                Login login = known.orElseGet(() -> new Login(MonitorRole.NAME, MonitorRole.newPassword()));
                MonitorRole.make(admin, login.password(), facts.exists());
                monitor = login;
                fallback = null;
            } else if (!facts.inRecovery()) {
                fallback = "the admin login " + node.admin().username() + " is neither a superuser nor may it create"
                        + " roles";
            } else if (known.isPresent() && facts.exists()) {
                monitor = known.get();
                fallback = null;
            } else {
                fallback = "the node looked at (" + node.node() + ") is a standby and the role is not there yet: it "
                        + "comes by replication once it is made on the primary";
            }
            if (monitor != null) {
                store(node.clusterId(), facts.systemIdentifier(), monitor);
            }
        } catch (SQLException | RuntimeException e) {
            monitor = null;
            fallback = "the role could not be made: " + e.getMessage();
        }
        synchronized (state) {
            state.monitor = monitor;
            state.looking = false;
            state.relook = false;
            state.nextLook = Instant.now().plus(recheck);
            if (!Objects.equals(state.fallback, fallback)) {
                if (fallback != null) {
                    LOG.warnf("Cluster %s is polled with its admin login %s, not the monitoring role %s: %s. "
                            + "docs/security.md says how to make the role by hand.", node.cluster(),
                            node.admin().username(), MonitorRole.NAME, fallback);
                } else {
                    LOG.infof("Cluster %s is polled with the monitoring role %s", node.cluster(), MonitorRole.NAME);
                }
                state.fallback = fallback;
            }
        }
    }

    /**
     * A node refused the role's login (a password changed by hand, pg_hba.conf, a standby the role has not reached
     * yet): the next look, when due, sets the known password again where it may.
     */
    void refused(WatchedNode node) {
        ClusterLogin state = state(node);
        synchronized (state) {
            state.relook = true;
        }
    }

    /** Forgets the clusters no longer watched. */
    void keepOnly(Set<UUID> clusterIds) {
        clusters.keySet().retainAll(clusterIds);
    }

    private ClusterLogin state(WatchedNode node) {
        ClusterLogin state = clusters.get(node.clusterId());
        if (state == null) {
            ClusterLogin loaded;
            try {
                loaded = new ClusterLogin(stored(node.clusterId()).orElse(null));
            } catch (RuntimeException controlPlaneDown) {
                loaded = new ClusterLogin(null);
            }
            state = Objects.requireNonNullElse(clusters.putIfAbsent(node.clusterId(), loaded), loaded);
        }
        return state;
    }

    /** The cluster's own login, or one of the same database lineage (a DR copy's production cluster's). */
    private Optional<Login> known(UUID clusterId, String systemIdentifier) {
        return stored(clusterId).or(() -> QuarkusTransaction.requiringNew().call(() -> MonitorLogin
                .ofLineage(systemIdentifier)).flatMap(this::open));
    }

    private Optional<Login> stored(UUID clusterId) {
        return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> MonitorLogin.<MonitorLogin>findById(
                clusterId))).flatMap(this::open);
    }

    /** The row's login; none when its password does not open (sealed under a key this service no longer holds). */
    private Optional<Login> open(MonitorLogin row) {
        try {
            return Optional.of(new Login(row.username, sealer.open(row.sealedPassword,
                    SecretBinding.monitorPassword(row.clusterId))));
        } catch (SealedSecretRefusedException e) {
            return Optional.empty();
        }
    }

    private void store(UUID clusterId, String systemIdentifier, Login login) {
        String sealed = sealer.seal(login.password(), SecretBinding.monitorPassword(clusterId));
        QuarkusTransaction.requiringNew().run(() -> MonitorLogin.put(clusterId, systemIdentifier, login.username(),
                sealed));
    }

    /** One cluster's answer; guarded by itself. */
    private static final class ClusterLogin {

        private volatile Login monitor;
        private String fallback;
        private boolean looking;
        private boolean relook;
        private Instant nextLook = Instant.MIN;

        private ClusterLogin(Login monitor) {
            this.monitor = monitor;
        }
    }
}
