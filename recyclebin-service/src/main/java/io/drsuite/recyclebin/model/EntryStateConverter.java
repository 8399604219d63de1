package io.drsuite.recyclebin.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps {@code bin_entry.state} as the lower-case name it has always held ({@code recycled}, ...). */
@Converter
public class EntryStateConverter implements AttributeConverter<EntryState, String> {

    @Override
    public String convertToDatabaseColumn(EntryState state) {
        return state == null ? null : state.wireName();
    }

    @Override
    public EntryState convertToEntityAttribute(String column) {
        return column == null ? null : EntryState.fromWire(column);
    }
}
