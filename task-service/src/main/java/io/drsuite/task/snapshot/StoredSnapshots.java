package io.drsuite.task.snapshot;

import static io.drsuite.events.task.SnapshotTasks.EXPECTED_SHA256;
import static io.drsuite.events.task.SnapshotTasks.OBJECT_KEY;
import static io.drsuite.events.task.SnapshotTasks.SHA256;
import static io.drsuite.events.task.SnapshotTasks.SIZE_BYTES;
import static io.drsuite.events.task.SnapshotTasks.STORAGE;

import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.storage.ObjectUpload;
import io.drsuite.storage.Sha256;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StorageLocations;
import io.drsuite.storage.StoredObject;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.function.Function;

/** The stored object a snapshot task works on: the location and key named in its parameters. */
@ApplicationScoped
public class StoredSnapshots {

    private final StorageLocations locations;

    StoredSnapshots(StorageLocations locations) {
        this.locations = locations;
    }

    public String describe(StepContext context) {
        return location(context).describe() + " as " + context.parameter(OBJECT_KEY);
    }

    /**
     * Writes the object from what {@code producer} sends into the upload, committing it only when the producer's
     * program succeeded, and records its size and SHA-256 as the step's artifacts.
     */
    public StoredObject write(StepContext context, Function<ObjectUpload, CommandResult> producer)
            throws IOException {
        try (ObjectUpload upload = location(context).upload(context.parameter(OBJECT_KEY))) {
            producer.apply(upload).orThrow();
            StoredObject object = upload.commit();
            context.record(SIZE_BYTES, String.valueOf(object.sizeBytes()));
            context.record(SHA256, object.sha256());
            context.log("stored " + object.sizeBytes() + " bytes, SHA-256 " + object.sha256());
            return object;
        }
    }

    /** Reads the object through a SHA-256 digest. */
    public Sha256 read(StepContext context) throws IOException {
        return new Sha256(location(context).open(context.parameter(OBJECT_KEY)));
    }

    public long size(StepContext context) throws IOException {
        return location(context).size(context.parameter(OBJECT_KEY));
    }

    /** Reads the whole object and fails unless it is byte for byte what was written. */
    public void checkIntact(StepContext context) throws IOException {
        try (Sha256 object = read(context)) {
            object.drain();
            String mismatch = mismatch(context, object);
            if (mismatch != null) {
                throw new IllegalStateException(mismatch + "; the snapshot is corrupt and cannot be restored");
            }
        }
        context.log("stored object matches its recorded SHA-256");
    }

    /** Why the object read does not match the recorded checksum, or null when it does. */
    public static String mismatch(StepContext context, Sha256 object) {
        String actual = object.hex();
        String expected = context.parameter(EXPECTED_SHA256);
        return actual.equals(expected) ? null
                : "SHA-256 of the stored object is " + actual + ", recorded at write time " + expected;
    }

    private StorageLocation location(StepContext context) {
        return locations.get(context.parameter(STORAGE));
    }
}
