package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RestorePhase} as its lower-case word. */
@Converter
public class RestorePhaseConverter extends WireNameConverter<RestorePhase> {

    public RestorePhaseConverter() {
        super(RestorePhase::wireName, RestorePhase::fromWire);
    }
}
