package io.drsuite.platform.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkHostValidatorTest {

    private final NetworkHostValidator validator = new NetworkHostValidator();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "db-1.example.com", "localhost", "::1", "fe80::1", "2001:db8::8a2e:370:7334"})
    void acceptsHostNamesAndLiterals(String host) {
        assertTrue(validator.isValid(host, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "256.1.1.1", "1.2.3", "-bad.example", "a b", "host;rm -rf /", "::1::2", "x:y", "db_1"})
    void refusesAnythingElse(String host) {
        assertFalse(validator.isValid(host, null));
    }
}
