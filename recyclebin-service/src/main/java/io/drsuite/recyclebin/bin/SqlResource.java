package io.drsuite.recyclebin.bin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** SQL kept as a resource of this service ({@code /sql/...}): the bin's tables and its SQL functions. */
final class SqlResource {

    private SqlResource() {
    }

    static String read(String path) {
        try (InputStream in = SqlResource.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new UncheckedIOException(new IOException("missing resource " + path, e));
        }
    }
}
