package io.drsuite.monitor.failover;

import io.drsuite.monitor.model.FailoverPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The automatic failover policies as users read and set them; a relationship without one has it off. */
@ApplicationScoped
public class FailoverPolicies {

    @Transactional
    public FailoverPolicy of(UUID relationshipId) {
        return FailoverPolicy.<FailoverPolicy>findByIdOptional(relationshipId)
                .orElseGet(() -> FailoverPolicy.off(relationshipId));
    }

    /** Sets a relationship's policy; a bound left out takes its default. */
    @Transactional
    public FailoverPolicy set(UUID relationshipId, boolean enabled, Integer primaryDownSeconds,
            Long maxDataLossBytes) {
        FailoverPolicy policy = FailoverPolicy.<FailoverPolicy>findByIdOptional(relationshipId)
                .orElseGet(FailoverPolicy::new);
        policy.relationshipId = relationshipId;
        policy.enabled = enabled;
        policy.primaryDownSeconds = primaryDownSeconds == null ? FailoverPolicy.DEFAULT_PRIMARY_DOWN_SECONDS
                : primaryDownSeconds;
        policy.maxDataLossBytes = maxDataLossBytes == null ? FailoverPolicy.DEFAULT_MAX_DATA_LOSS_BYTES
                : maxDataLossBytes;
        policy.persist();
        return policy;
    }
}
