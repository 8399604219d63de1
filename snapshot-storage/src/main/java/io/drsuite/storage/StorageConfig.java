package io.drsuite.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's storage locations, by name. Every S3 location uses the one S3 endpoint configured for the
 * Quarkus Amazon S3 client ({@code quarkus.s3.*}); locations differ in bucket and key prefix.
 */
@ConfigMapping(prefix = "drsuite.storage")
public interface StorageConfig {

    /** The location used when a request or policy names none. */
    @WithName("default")
    String defaultLocation();

    Map<String, Location> locations();

    interface Location {

        Type type();

        /** Folder of a {@code filesystem} location. */
        Optional<String> path();

        /** Bucket of an {@code s3} location; it must exist. */
        Optional<String> bucket();

        /** Key prefix within the bucket; none when absent. */
        Optional<String> prefix();

        /** Multipart part size of an {@code s3} location, MiB; two parts at a time are held in memory. */
        @WithDefault("16")
        int partSizeMib();
    }

    enum Type {
        FILESYSTEM, S3
    }
}
