package io.drsuite.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the outbox relay and of the retention of the events it published.
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

    /**
     * How long an event stays in the outbox after Kafka acknowledged it; {@link OutboxRetention} deletes it then.
     * Kafka keeps the events; the rows left here show what a service sent lately.
     */
    @WithDefault("7d")
    Duration publishedRetention();

    /** How often {@link OutboxRetention} looks for published events past their retention. */
    @WithDefault("1h")
    Duration pruneInterval();

    /** Most published events deleted in one transaction, so a large backlog never holds many locks or a long one. */
    @WithDefault("1000")
    int pruneBatchSize();
}
