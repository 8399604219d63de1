package io.drsuite.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An object being written. Every byte passes through a SHA-256 digest on its way, so the checksum recorded in the
 * catalog is of exactly what was stored. {@link #commit()} makes the object visible; {@link #close()} without a
 * commit discards it.
 */
public abstract class ObjectUpload extends OutputStream {

    private final MessageDigest digest;
    private long size;
    private boolean finished;

    protected ObjectUpload() {
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public final void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public final void write(byte[] bytes, int offset, int length) throws IOException {
        if (finished) {
            throw new IOException("upload already finished");
        }
        digest.update(bytes, offset, length);
        size += length;
        store(bytes, offset, length);
    }

    /** Finishes the upload and makes the object visible under its key. */
    public final StoredObject commit() throws IOException {
        if (finished) {
            throw new IOException("upload already finished");
        }
        finished = true;
        String key = complete();
        return new StoredObject(key, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Discards an upload that was not committed. */
    @Override
    public final void close() throws IOException {
        if (!finished) {
            finished = true;
            discard();
        }
    }

    protected abstract void store(byte[] bytes, int offset, int length) throws IOException;

    /** Makes what was stored visible; returns the object's key. */
    protected abstract String complete() throws IOException;

    protected abstract void discard() throws IOException;
}
