package io.drsuite.recyclebin.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores an {@link EntryState} as its lower-case word ({@code recycled}, ...). */
@Converter
public class EntryStateConverter extends WireNameConverter<EntryState> {

    public EntryStateConverter() {
        super(EntryState::wireName, EntryState::fromWire);
    }
}
