package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RestoreTestState} as its lower-case word. */
@Converter
public class RestoreTestStateConverter extends WireNameConverter<RestoreTestState> {

    public RestoreTestStateConverter() {
        super(RestoreTestState::wireName, RestoreTestState::fromWire);
    }
}
