package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SnapshotPhase} as its lower-case word. */
@Converter
public class SnapshotPhaseConverter extends WireNameConverter<SnapshotPhase> {

    public SnapshotPhaseConverter() {
        super(SnapshotPhase::wireName, SnapshotPhase::fromWire);
    }
}
