package io.drsuite.console.pages.cluster;

/** The DR relationship a cluster is a side of: its id and name, and the cluster's role in it. */
public record RelationshipRef(String id, String name, String role, String phase) {
}
