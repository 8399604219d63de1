package io.drsuite.clusterclient.sql;

/**
 * A WAL position ({@code pg_lsn}), e.g. {@code 0/3000060}.
 */
public record Lsn(long value) implements Comparable<Lsn> {

    public static Lsn parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("not an LSN: " + text);
        }
        long high = Long.parseUnsignedLong(text.substring(0, slash), 16);
        long low = Long.parseUnsignedLong(text.substring(slash + 1), 16);
        return new Lsn((high << 32) | low);
    }

    /** Bytes from {@code earlier} to this position, never negative. */
    public long bytesAfter(Lsn earlier) {
        return Math.max(0, value - earlier.value);
    }

    public boolean isAtLeast(Lsn other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(Lsn other) {
        return Long.compareUnsigned(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toHexString(value >>> 32).toUpperCase() + "/" + Long.toHexString(value & 0xFFFFFFFFL).toUpperCase();
    }
}
