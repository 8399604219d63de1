package io.drsuite.monitor.routing;

import io.drsuite.events.relationship.RelationshipPhase;
import io.drsuite.relationships.KnownRelationship;

/** Which cluster of a relationship is production and which the DR side, and where the relationship is. */
public record RelationshipSides(String name, RelationshipPhase phase, String primaryCluster, String drCluster) {

    public static RelationshipSides of(KnownRelationship relationship) {
        return new RelationshipSides(relationship.name, relationship.phase(), relationship.primaryCluster,
                relationship.drCluster);
    }

    /** A switchover or failover is moving the primary role to the DR side right now. */
    public boolean handingOver() {
        return phase == RelationshipPhase.SWITCHING_OVER || phase == RelationshipPhase.FAILING_OVER;
    }
}
