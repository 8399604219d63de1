package io.drsuite.relationship.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * relationship-service settings.
 */
@ConfigMapping(prefix = "drsuite.relationship")
public interface RelationshipConfig {

    /** How registration probes a node. */
    Probe probe();

    interface Probe {

        /** Longest wait for a node to accept a connection. */
        @WithDefault("5s")
        Duration connectTimeout();

        /** Longest wait for a status query on a node. */
        @WithDefault("10s")
        Duration queryTimeout();
    }
}
