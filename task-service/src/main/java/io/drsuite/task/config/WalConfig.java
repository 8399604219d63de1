package io.drsuite.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How WAL archives are streamed ({@code drsuite.wal.*}). */
@ConfigMapping(prefix = "drsuite.wal")
public interface WalConfig {

    /**
     * Where pg_receivewal writes each archive's WAL (one folder per archive) before it is uploaded. It must survive a
     * restart of the service: the newest segment kept there is where streaming resumes without a gap.
     */
    @WithDefault("/var/lib/drsuite/wal-staging")
    String stagingDir();

    /** How often the stream checks its source, its pg_receivewal and the files ready to upload. */
    @WithDefault("1s")
    Duration passInterval();
}
