package io.drsuite.task.dr;

import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.DrTasks;
import io.drsuite.task.engine.StepContext;
import java.sql.SQLException;
import java.time.Duration;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Dissolves a relationship: the DR cluster is promoted to a standalone primary or left as a detached read-only
 * copy; the primary's slot, sync setting and the pg_hba entries of both clusters are removed.
 */
@ApplicationScoped
public class DrStopSteps {

    private final DrBuildSteps build;

    DrStopSteps(DrBuildSteps build) {
        this.build = build;
    }

    public void detachDr(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        boolean promote = Boolean.parseBoolean(context.parameters().get(DrTasks.PROMOTE_DR));
        NodeControl main = build.control(roles.dr().main());
        try (NodeSession session = main.session(roles.dr().admin())) {
            if (promote && session.inRecovery() && !session.promote(60)) {
                throw new IllegalStateException(main.node() + " did not finish promotion within 60 s");
            }
            session.resetSystem("primary_conninfo");
            session.resetSystem("primary_slot_name");
            session.resetSystem("synchronous_standby_names");
            session.reloadConfiguration();
        }
        context.log(promote ? "promoted " + main.node() + " to a standalone primary"
                : main.node() + " stopped streaming and stays a read-only copy");
    }

    /** The primary no longer waits for the DR side and drops the relationship's slot. */
    public void releasePrimary(StepContext context) throws Exception {
        DrRoles roles = build.roles(context);
        NodeControl primary = build.control(roles.primary().main());
        try (NodeSession session = primary.session(roles.primary().admin())) {
            if (session.setting("synchronous_standby_names").contains(roles.mainStandbyApplicationName())) {
                session.resetSystem("synchronous_standby_names");
                session.reloadConfiguration();
            }
        }
        Waits.until(context, "slot " + roles.slotName() + " is released", Duration.ofSeconds(30), () -> {
            try (NodeSession session = primary.session(roles.primary().admin())) {
                return session.dropSlotIfInactive(roles.slotName());
            }
        });
        context.log("dropped slot " + roles.slotName() + " on " + primary.node());
    }

    /** Removes the relationship's pg_hba block from every node of both clusters. */
    public void removeAccess(StepContext context) {
        DrRoles roles = build.roles(context);
        for (ManagedNode node : roles.allNodes()) {
            build.control(node).removeHba(roles.hbaBlock(), roles.primary().admin());
            try (NodeSession session = build.control(node).session(roles.primary().admin())) {
                session.reloadConfiguration();
            } catch (SQLException e) {
                context.log(node + " not reloaded (" + e.getMessage() + "); it reads pg_hba.conf when it starts");
            }
        }
    }
}
