package io.drsuite.snapshot.model;

import io.drsuite.events.snapshot.SnapshotKind;
import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link SnapshotKind} as its lower-case word. */
@Converter
public class SnapshotKindConverter extends WireNameConverter<SnapshotKind> {

    public SnapshotKindConverter() {
        super(SnapshotKind::wireName, SnapshotKind::fromWire);
    }
}
