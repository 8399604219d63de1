package io.drsuite.monitor.alert;

import java.util.Locale;

/**
 * The kinds of alert: per node {@code node_down}, {@code slot_inactive}, {@code retained_wal}, per slot
 * {@code slot_wal_at_risk}, per relationship {@code dr_link_broken}, {@code lag_bytes}, {@code lag_seconds},
 * {@code rpo_objective_breached} and {@code auto_failover_held}, per cluster {@code local_failover_held}, per WAL archive {@code wal_archive_gap} and
 * {@code wal_archive_stalled}. Stored, shown and announced by its
 * {@link #wireName()}.
 */
public enum AlertRule {
    NODE_DOWN, SLOT_INACTIVE, SLOT_WAL_AT_RISK, RETAINED_WAL, DR_LINK_BROKEN, LAG_BYTES, LAG_SECONDS,
    RPO_OBJECTIVE_BREACHED, AUTO_FAILOVER_HELD, LOCAL_FAILOVER_HELD, WAL_ARCHIVE_GAP, WAL_ARCHIVE_STALLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
