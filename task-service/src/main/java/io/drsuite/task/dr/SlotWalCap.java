package io.drsuite.task.dr;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.task.config.TaskConfig;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Caps the WAL replication slots may hold back on a node ({@code max_slot_wal_keep_size}, configured as
 * {@code drsuite.tasks.max-slot-wal-keep-size}), so a consumer that stops (a dead DR site, a stalled WAL archive)
 * invalidates its slot instead of filling the node's disk. Unlimited or higher caps are lowered to the configured
 * one; a lower one the DBA chose is kept. It takes effect at the next configuration reload.
 */
@ApplicationScoped
public class SlotWalCap {

    private final long capMb;

    SlotWalCap(TaskConfig config) {
        this.capMb = config.maxSlotWalKeepSize().asLongValue() / (1024 * 1024);
    }

    /** @return whether the setting was changed (and needs a reload) */
    public boolean apply(StepContext context, NodeSession session, ManagedNode node) throws SQLException {
        if (capMb <= 0) {
            return false;
        }
        long currentMb;
        try (Statement statement = session.connection().createStatement(); ResultSet row = statement.executeQuery(
                "select setting::bigint from pg_settings where name = 'max_slot_wal_keep_size'")) {
            if (!row.next()) {
                context.log(node + " has no max_slot_wal_keep_size (PostgreSQL before 13): its slots' WAL is not"
                        + " capped");
                return false;
            }
            currentMb = row.getLong(1);
        }
        if (currentMb >= 0 && currentMb <= capMb) {
            return false;
        }
        session.alterSystem("max_slot_wal_keep_size", capMb + "MB");
        context.log("capped the WAL slots may hold back on " + node + " at " + capMb
                + " MB (max_slot_wal_keep_size); a slot past it is invalidated");
        return true;
    }
}
