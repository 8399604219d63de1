package io.drsuite.monitor.routing;

/**
 * The one word a load balancer's health check answers with. The {@code /primary} check answers {@code 200} with
 * {@link #PRIMARY}, the {@code /replica} check with {@link #REPLICA}, and both {@code 503} with any other word (so
 * {@code /replica} of a primary answers 503 "primary"); the word is all an unauthenticated probe learns.
 */
public enum RouteStatus {
    /** The writable primary of its cluster's active side. */
    PRIMARY("primary"),
    /** A standby streaming from its upstream within the lag limit. */
    REPLICA("replica"),
    /** In recovery: not writable. */
    STANDBY("standby"),
    /** Writable, but its cluster is the DR side of a relationship: writes belong to the production cluster. */
    DR_SIDE("dr-side"),
    /** Another writable node of the cluster is the primary (a higher timeline), or no single one can be told. */
    CONFLICT("conflict"),
    /** The latest poll could not reach it. */
    UNREACHABLE("unreachable"),
    /** The latest sample is older than the routing sample age (monitor-service stopped polling it). */
    STALE("stale"),
    /** A standby whose WAL receiver does not stream. */
    NOT_STREAMING("not-streaming"),
    /** A streaming standby further behind than the limit. */
    LAGGING("lagging"),
    /** A streaming standby whose lag cannot be measured: its upstream primary is not known to be writable. */
    LAG_UNKNOWN("lag-unknown"),
    /** No known cluster has a node of that name. */
    UNKNOWN_NODE("unknown-node"),
    /** Several clusters have a node of that name: ask by cluster and node. */
    AMBIGUOUS_NODE("ambiguous-node");

    private final String word;

    RouteStatus(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
