package io.drsuite.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the outbox relay.
 */
@ConfigMapping(prefix = "drsuite.outbox")
public interface OutboxConfig {

    /** How often the relay looks for unpublished events. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most events relayed in one pass. */
    @WithDefault("100")
    int batchSize();

    /**
     * How long the relay waits for the broker to acknowledge one event. Longer than the producer's
     * {@code delivery.timeout.ms} plus {@code max.block.ms}, so the producer always gives the final answer.
     */
    @WithDefault("45s")
    Duration publishTimeout();
}
