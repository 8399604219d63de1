package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link WalArchiveState} as its lower-case word. */
@Converter
public class WalArchiveStateConverter extends WireNameConverter<WalArchiveState> {

    public WalArchiveStateConverter() {
        super(WalArchiveState::wireName, WalArchiveState::fromWire);
    }
}
