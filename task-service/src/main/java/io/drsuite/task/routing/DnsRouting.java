package io.drsuite.task.routing;

import io.drsuite.task.dr.ManagedNode;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Points the DNS names a task carries ({@link io.drsuite.events.task.DnsRoutes}) at the new primary, as a step of
 * switchovers and failovers: the operation is done only once every name resolves to the new primary.
 */
@ApplicationScoped
public class DnsRouting {

    /** The name of the step that calls {@link #pointNamesAt}. */
    public static final String STEP = "point-dns";

    public void pointNamesAt(StepContext context, ManagedNode newPrimary) throws Exception {
    }
}
