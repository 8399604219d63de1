package io.drsuite.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * A named place where snapshots are kept. Keys are paths like {@code prod/physical/<id>/base.tar.gz}; an object
 * becomes visible under its key only when its upload is committed, so a reader never sees half of one.
 */
public interface StorageLocation {

    String name();

    /** Where it is, for people: {@code filesystem /var/lib/drsuite/snapshots} or {@code s3://bucket/prefix}. */
    String describe();

    /** Where an object is, for people: its path or its {@code s3://} URL. */
    String locate(String key);

    /** Starts writing an object; a committed upload replaces an object with the same key. */
    ObjectUpload upload(String key) throws IOException;

    /** Reads an object from its start. */
    InputStream open(String key) throws IOException;

    /** Bytes stored under the key. */
    long size(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes an object; removing one that is not there is not an error. */
    void delete(String key) throws IOException;
}
