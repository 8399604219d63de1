package io.drsuite.task.cluster;

import io.drsuite.clusterclient.host.CommandFailedException;
import io.drsuite.clusterclient.sql.NodeSession;
import io.drsuite.events.task.RebuildMethod;
import io.drsuite.events.task.RebuildMode;
import io.drsuite.task.dr.ManagedCluster;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.dr.ReplacedDataSweep;
import io.drsuite.task.dr.StandbyBuilder;
import io.drsuite.task.dr.StandbyConfig;
import io.drsuite.task.dr.Waits;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * openGauss's {@code build} for one node: stop it, resynchronise its data directory from the primary
 * ({@code pg_rewind}, or a full {@code pg_basebackup}, as the {@link RebuildMode} allows), make it a standby of the
 * primary and start it. {@code auto} falls back to the full build when the rewind fails or the rewound node does not
 * start; {@code incremental} fails instead. Data a full build replaces is kept for the configured retention.
 */
@ApplicationScoped
public class StandbyRebuild {

    private final ReplacedDataSweep replacedData;

    StandbyRebuild(ReplacedDataSweep replacedData) {
        this.replacedData = replacedData;
    }

    /**
     * Rebuilds and starts {@code standby} (of {@code owner}) as a standby of {@code upstream}, streaming under
     * {@code applicationName} through {@code slot}; returns how its data was rebuilt.
     */
    public RebuildMethod rebuild(StepContext context, ManagedCluster owner, NodeControl standby, Upstream upstream,
            String applicationName, String slot, RebuildMode mode) {
        standby.stop("fast");
        RebuildMethod method;
        if (mode == RebuildMode.FULL) {
            fullBuild(context, owner, standby, upstream, slot);
            method = RebuildMethod.FULL;
        } else {
            try {
                StandbyBuilder.rewind(context, standby, upstream.node().endpoint(), upstream.admin());
                method = RebuildMethod.REWIND;
            } catch (CommandFailedException e) {
                if (mode == RebuildMode.INCREMENTAL) {
                    throw new IllegalStateException("pg_rewind of " + standby.node() + " from " + upstream
                            + " failed and the mode is incremental, so no full build follows: " + e.getMessage(), e);
                }
                context.log("pg_rewind failed (" + e.getMessage() + "); falling back to a full build");
                fullBuild(context, owner, standby, upstream, slot);
                method = RebuildMethod.FULL;
            }
        }
        configure(standby, upstream, applicationName, slot);
        try {
            standby.start();
        } catch (CommandFailedException e) {
            if (method != RebuildMethod.REWIND || mode == RebuildMode.INCREMENTAL) {
                throw e;
            }
            context.log(standby.node() + " did not start after pg_rewind (" + e.getMessage()
                    + "); falling back to a full build");
            standby.stop("immediate");
            fullBuild(context, owner, standby, upstream, slot);
            configure(standby, upstream, applicationName, slot);
            method = RebuildMethod.FULL;
            standby.start();
        }
        context.log("rebuilt " + standby.node() + " (" + method.wireName() + ") as a standby of " + upstream);
        return method;
    }

    /** A full build of a stopped node from the upstream; the data it replaces is kept for the retention. */
    public void fullBuild(StepContext context, ManagedCluster owner, NodeControl standby, Upstream upstream,
            String slot) {
        standby.files().remove(standby.node().dataDirectory() + ".drsuite-settings");
        StandbyBuilder.fullBuild(context, standby, upstream.node().endpoint(), upstream.replication(), slot,
                path -> replacedData.keep(context, owner, standby.node(), path));
    }

    /** Makes a stopped node a standby of the upstream: recovery settings in its auto.conf and standby.signal. */
    public void configure(NodeControl standby, Upstream upstream, String applicationName, String slot) {
        standby.writeAutoConf(StandbyConfig.apply(standby.autoConf(), upstream.node().endpoint(),
                upstream.replication(), applicationName, slot));
        standby.markAsStandby();
    }

    /** Waits until the upstream's {@code pg_stat_replication} shows {@code applicationName} streaming. */
    public void awaitStreaming(StepContext context, NodeControl upstream, Upstream logins, String applicationName,
            Duration limit) throws Exception {
        Waits.until(context, applicationName + " streams from " + upstream.node(), limit, () -> {
            try (NodeSession session = upstream.session(logins.admin())) {
                return session.replicationConnection(applicationName).map(c -> c.streaming()).orElse(false);
            }
        });
    }
}
