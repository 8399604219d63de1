package io.drsuite.recyclebin.model;

import io.drsuite.platform.persistence.WireNameConverter;
import io.drsuite.recyclebin.bin.ObjectKind;
import jakarta.persistence.Converter;

/** Stores an {@link ObjectKind} as its lower-case word ({@code table}, ...). */
@Converter
public class ObjectKindConverter extends WireNameConverter<ObjectKind> {

    public ObjectKindConverter() {
        super(ObjectKind::wireName, ObjectKind::fromWire);
    }
}
