package io.drsuite.monitor.routing;

import java.time.Duration;
import java.time.Instant;

/**
 * What one poll says about routing to one node: as a primary, and as a replica with its lag.
 *
 * @param sampledAt when the node was read; null when no poll has read it yet
 * @param asPrimary {@link RouteStatus#PRIMARY} or why not
 * @param asReplica {@link RouteStatus#REPLICA} or why not, before the lag limit is applied
 * @param lagBytes a streaming standby's replay position behind its upstream primary's write position; null when
 *        unknown
 */
public record NodeRoute(String cluster, String node, Instant sampledAt, RouteStatus asPrimary, RouteStatus asReplica,
        Long lagBytes) {

    /** The primary check at {@code now}: a sample older than {@code maxAge} counts for nothing. */
    public RouteStatus primary(Instant now, Duration maxAge) {
        return isFresh(now, maxAge) ? asPrimary : RouteStatus.STALE;
    }

    /** The replica check at {@code now}, with the lag the caller allows. */
    public RouteStatus replica(Instant now, Duration maxAge, long maxLagBytes) {
        if (!isFresh(now, maxAge)) {
            return RouteStatus.STALE;
        }
        if (asReplica != RouteStatus.REPLICA) {
            return asReplica;
        }
        if (lagBytes == null) {
            return RouteStatus.LAG_UNKNOWN;
        }
        return lagBytes > maxLagBytes ? RouteStatus.LAGGING : RouteStatus.REPLICA;
    }

    private boolean isFresh(Instant now, Duration maxAge) {
        return sampledAt != null && !sampledAt.plus(maxAge).isBefore(now);
    }
}
