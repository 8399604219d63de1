package io.drsuite.relationship.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How webhook calls are made and retried ({@code drsuite.webhooks.*}). */
@ConfigMapping(prefix = "drsuite.webhooks")
public interface WebhookConfig {

    /** How often the relay looks for calls that are due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long one call may take (connecting and answering) before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** Attempts before a call is given up ({@code failed}). */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after each further one. */
    @WithDefault("1s")
    Duration firstRetryAfter();

    /** The longest wait between two attempts. */
    @WithDefault("5m")
    Duration maxRetryAfter();

    /** Most calls one relay pass makes (at the same time). */
    @WithDefault("16")
    int batchSize();
}
