package io.drsuite.relationship.model;

import io.drsuite.events.relationship.ClusterState;
import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Keeps {@code primary_state} and {@code dr_state} as the gs_ddr words they have always held ({@code archive}). */
@Converter
public class ClusterStateConverter extends WireNameConverter<ClusterState> {

    public ClusterStateConverter() {
        super(ClusterState::wireName, ClusterState::fromWire);
    }
}
