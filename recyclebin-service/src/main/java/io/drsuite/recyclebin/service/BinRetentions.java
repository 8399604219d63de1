package io.drsuite.recyclebin.service;

import io.drsuite.recyclebin.config.RecycleBinConfig;
import io.drsuite.recyclebin.model.BinRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/** How long each cluster's recycled objects are kept: its own retention, or the service's default. */
@ApplicationScoped
public class BinRetentions {

    private final RecycleBinConfig config;

    BinRetentions(RecycleBinConfig config) {
        this.config = config;
    }

    public Duration retention(String cluster) {
        return QuarkusTransaction.requiringNew().call(() -> BinRetention.<BinRetention>findByIdOptional(cluster)
                .map(stored -> Duration.ofSeconds(stored.retentionSeconds)).orElse(config.defaultRetention()));
    }

    /** Keeps the cluster's own retention. */
    public void store(String cluster, Duration retention) {
        QuarkusTransaction.requiringNew().run(() -> {
            BinRetention stored = BinRetention.<BinRetention>findByIdOptional(cluster).orElseGet(() -> {
                BinRetention created = new BinRetention();
                created.cluster = cluster;
                return created;
            });
            stored.retentionSeconds = retention.toSeconds();
            stored.updatedAt = Instant.now();
            stored.persist();
        });
    }
}
