package io.drsuite.monitor.failover;

import io.drsuite.catalog.KnownCluster;
import io.drsuite.monitor.model.LocalFailoverPolicy;
import io.drsuite.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The automatic local failover policies as users read and set them, by cluster name; a cluster without one has it
 * off. A policy belongs to the registration: a cluster removed and registered again under its name starts off.
 */
@ApplicationScoped
public class LocalFailoverPolicies {

    /** A policy with the name of its cluster. */
    public record NamedPolicy(String cluster, LocalFailoverPolicy policy) {
    }

    @Transactional
    public NamedPolicy of(String clusterName) {
        KnownCluster cluster = known(clusterName);
        return new NamedPolicy(cluster.name, LocalFailoverPolicy.<LocalFailoverPolicy>findByIdOptional(cluster.id)
                .orElseGet(() -> LocalFailoverPolicy.off(cluster.id)));
    }

    /** Sets a cluster's policy; a bound left out takes its default. */
    @Transactional
    public NamedPolicy set(String clusterName, boolean enabled, Integer primaryDownSeconds, Long maxLagBytes) {
        KnownCluster cluster = known(clusterName);
        LocalFailoverPolicy policy = LocalFailoverPolicy.<LocalFailoverPolicy>findByIdOptional(cluster.id)
                .orElseGet(LocalFailoverPolicy::new);
        policy.clusterId = cluster.id;
        policy.enabled = enabled;
        policy.primaryDownSeconds = primaryDownSeconds == null ? LocalFailoverPolicy.DEFAULT_PRIMARY_DOWN_SECONDS
                : primaryDownSeconds;
        policy.maxLagBytes = maxLagBytes == null ? LocalFailoverPolicy.DEFAULT_MAX_LAG_BYTES : maxLagBytes;
        policy.persist();
        return new NamedPolicy(cluster.name, policy);
    }

    private static KnownCluster known(String name) {
        return KnownCluster.findByName(name).orElseThrow(() -> ProblemException.notFound("cluster",
                "monitor-service knows no cluster named '" + name + "'"));
    }
}
