package io.drsuite.relationship.routing;

import java.util.Locale;

/** What routing belongs to: a cluster (addressed by name) or a relationship (addressed by id). */
public enum OwnerKind {
    CLUSTER, RELATIONSHIP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
