package io.drsuite.recyclebin.model;

import io.drsuite.recyclebin.bin.ObjectKind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Keeps {@code bin_entry.kind} as the lower-case name it has always held ({@code table}, ...). */
@Converter
public class ObjectKindConverter implements AttributeConverter<ObjectKind, String> {

    @Override
    public String convertToDatabaseColumn(ObjectKind kind) {
        return kind == null ? null : kind.wireName();
    }

    @Override
    public ObjectKind convertToEntityAttribute(String column) {
        return column == null ? null : ObjectKind.fromWire(column);
    }
}
