package io.drsuite.snapshot.wal;

import java.time.Instant;

/** One complete WAL segment of an archive, as the catalog holds it; LSNs as bytes. */
public record ArchivedSegment(String fileName, int timeline, long startLsn, long endLsn, Instant closedAt,
        long sizeBytes) {

    public long segmentBytes() {
        return endLsn - startLsn;
    }

    public boolean contains(long lsn) {
        return Long.compareUnsigned(startLsn, lsn) <= 0 && Long.compareUnsigned(lsn, endLsn) < 0;
    }

    /**
     * PostgreSQL's name of the segment of {@code timeline} that starts at {@code lsn}, for segments of
     * {@code segmentBytes}: {@code TTTTTTTTXXXXXXXXYYYYYYYY}.
     */
    public static String fileName(int timeline, long lsn, long segmentBytes) {
        long segmentNumber = Long.divideUnsigned(lsn, segmentBytes);
        long perLogId = 0x100000000L / segmentBytes;
        return String.format("%08X%08X%08X", timeline, segmentNumber / perLogId, segmentNumber % perLogId);
    }
}
