package io.drsuite.snapshot.model;

import io.drsuite.platform.persistence.WireNameConverter;
import jakarta.persistence.Converter;

/** Stores a {@link VerificationResult} as its lower-case word. */
@Converter
public class VerificationResultConverter extends WireNameConverter<VerificationResult> {

    public VerificationResultConverter() {
        super(VerificationResult::wireName, VerificationResult::fromWire);
    }
}
