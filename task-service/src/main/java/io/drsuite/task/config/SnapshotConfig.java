package io.drsuite.task.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How snapshot tasks run ({@code drsuite.snapshots.*}). */
@ConfigMapping(prefix = "drsuite.snapshots")
public interface SnapshotConfig {

    /**
     * pg_basebackup's {@code --compress} for physical snapshots. gzip keeps restores possible with nothing but
     * {@code tar} on the target host; level 1 keeps the backup close to the speed of reading the cluster.
     */
    @WithDefault("gzip:1")
    String physicalCompression();

    /** Where verification unpacks a physical snapshot to run pg_verifybackup on it; removed afterwards. */
    @WithDefault("${java.io.tmpdir}/drsuite-verify")
    String workDirectory();

    /** How often backup slots whose task is not running are dropped (the scheduler reads it directly). */
    @WithDefault("5m")
    Duration slotSweepInterval();
}
