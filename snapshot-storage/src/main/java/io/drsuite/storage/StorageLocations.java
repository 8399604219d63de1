package io.drsuite.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;

/** The configured storage locations, built once; an S3 client is created only when an S3 location exists. */
@ApplicationScoped
public class StorageLocations {

    private final Map<String, StorageLocation> byName = new TreeMap<>();
    private final String defaultName;

    StorageLocations(StorageConfig config, Instance<S3Client> s3) {
        config.locations().forEach((name, location) -> byName.put(name, build(name, location, s3)));
        this.defaultName = config.defaultLocation();
        if (!byName.containsKey(defaultName)) {
            throw new IllegalStateException("drsuite.storage.default names " + defaultName
                    + ", which is not among drsuite.storage.locations " + byName.keySet());
        }
    }

    public Optional<StorageLocation> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The named location; throws when there is none (a request naming one is checked before it gets here). */
    public StorageLocation get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no storage location " + name));
    }

    public String defaultName() {
        return defaultName;
    }

    public Map<String, StorageLocation> all() {
        return Map.copyOf(byName);
    }

    private static StorageLocation build(String name, StorageConfig.Location location, Instance<S3Client> s3) {
        return switch (location.type()) {
            case FILESYSTEM -> new FilesystemLocation(name, Path.of(location.path().orElseThrow(
                    () -> new IllegalStateException("storage location " + name + " needs a path"))));
            case S3 -> new S3Location(name, s3.get(), location.bucket().orElseThrow(
                    () -> new IllegalStateException("storage location " + name + " needs a bucket")),
                    location.prefix().orElse(""), location.partSizeMib() * 1024 * 1024);
        };
    }
}
