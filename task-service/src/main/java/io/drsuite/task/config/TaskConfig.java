package io.drsuite.task.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How tasks are run ({@code drsuite.tasks.*}). */
@ConfigMapping(prefix = "drsuite.tasks")
public interface TaskConfig {

    /** How long a claimed task stays with an instance that stopped renewing it; then another instance takes it. */
    @WithDefault("15s")
    Duration leaseTtl();

    /**
     * How long before its lease could expire an instance that cannot renew it stops acting on the task: it fences
     * itself at its last successful renewal + {@code lease-ttl} - this margin, covering clock drift and the time an
     * action takes to reach a cluster. At most half the TTL; by default a fifth of it.
     */
    Optional<Duration> leaseSafetyMargin();

    /** How often idle instances look for runnable tasks (new requests also wake them at once). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How long a task waits for the registration of a cluster it names to reach this service's catalog. */
    @WithDefault("30s")
    Duration catalogWait();

    /** How many operations (every task but the continuous ones) one instance runs at the same time. */
    @WithDefault("4")
    int maxConcurrent();

    /**
     * How many continuous tasks (a WAL archive's streaming, which runs until it is switched off) one instance runs
     * at the same time, besides the operations: each is one pg_receivewal process and a thread that mostly waits.
     */
    @WithDefault("64")
    int maxContinuous();

    /**
     * {@code max_slot_wal_keep_size} set on a relationship's primary when its slot is made (start, reprotect) and on
     * the new primary after a switchover: the most WAL the slot may hold back when the DR side stops consuming, so a
     * dead DR site invalidates the slot instead of filling the primary's disk. A primary whose own cap is lower keeps
     * it; 0 leaves the setting alone.
     */
    @WithDefault("10G")
    MemorySize maxSlotWalKeepSize();
}
