package io.drsuite.snapshot.wal;

/**
 * Consecutive archived segments of one timeline: from the start of {@code first} to the end of {@code last}.
 */
public record WalStretch(int timeline, ArchivedSegment first, ArchivedSegment last) {

    public boolean covers(int onTimeline, long lsn) {
        return timeline == onTimeline && Long.compareUnsigned(first.startLsn(), lsn) <= 0
                && Long.compareUnsigned(lsn, last.endLsn()) < 0;
    }

    /** The same stretch starting at the segment holding {@code lsn}. */
    public WalStretch from(long lsn) {
        long segmentBytes = first.segmentBytes();
        long start = lsn - Long.remainderUnsigned(lsn, segmentBytes);
        ArchivedSegment startSegment = new ArchivedSegment(ArchivedSegment.fileName(timeline, start, segmentBytes),
                timeline, start, start + segmentBytes, null, 0);
        return new WalStretch(timeline, startSegment, last);
    }

    /** {@code <first segment> <last segment>}, a line of {@code WalTasks.WAL_SEGMENT_RUNS}. */
    public String run() {
        return first.fileName() + " " + last.fileName();
    }
}
