package io.drsuite.task.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the {@code point-dns} step talks to the authoritative DNS servers ({@code drsuite.dns.*}). */
@ConfigMapping(prefix = "drsuite.dns")
public interface DnsConfig {

    /** How long one dynamic update or query waits for the server's answer (over TCP). */
    @WithDefault("5s")
    Duration requestTimeout();

    /** How long the step waits, after an accepted update, for the server to answer the name with the new address. */
    @WithDefault("30s")
    Duration answerWithin();
}
