package io.drsuite.platform.problem;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Records a request refused for its token before it is answered (see the audit package's implementation). */
public interface TokenRefusalAudit {

    /** Completes once the record is written (or its failure logged); never fails. */
    Future<Void> recorded(RoutingContext context, int status, String problem);
}
