package io.drsuite.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reads a stream through a SHA-256 digest, counting bytes, for checks against the recorded checksum. */
public final class Sha256 extends FilterInputStream {

    private final MessageDigest digest;
    private long count;

    public Sha256(InputStream in) {
        super(in);
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        int read = super.read(bytes, offset, length);
        if (read > 0) {
            digest.update(bytes, offset, read);
            count += read;
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping would leave bytes out of the checksum");
    }

    /** Reads whatever is left, so the digest covers the whole stream. */
    public Sha256 drain() throws IOException {
        byte[] buffer = new byte[1 << 20];
        while (read(buffer, 0, buffer.length) >= 0) {
            // digesting
        }
        return this;
    }

    public long bytesRead() {
        return count;
    }

    /** Hex digest of what was read; call once, at the end. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
