package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link RestoreTestTarget} as its lower-case word. */
@Converter
public class RestoreTestTargetConverter extends WireNameConverter<RestoreTestTarget> {

    public RestoreTestTargetConverter() {
        super(RestoreTestTarget::wireName, RestoreTestTarget::fromWire);
    }
}
