package io.drsuite.task.wal;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.snapshot.WalSegmentArchived;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file pg_receivewal leaves in its folder, told by its PostgreSQL name: a complete segment
 * ({@code 000000010000000000000003}), a timeline history file ({@code 00000002.history}) or a partial segment
 * ({@code 000000010000000000000007.partial}: the one being written, or the last one of a timeline that ended).
 *
 * @param logId the middle eight digits of a segment's name (which 4 GiB of WAL); 0 for a history file
 * @param segmentId the last eight digits (which segment within them); 0 for a history file
 */
record WalFile(String name, Kind kind, int timeline, long logId, long segmentId) {

    enum Kind {
        HISTORY(WalSegmentArchived.HISTORY), SEGMENT(WalSegmentArchived.SEGMENT), PARTIAL(WalSegmentArchived.PARTIAL);

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    private static final Pattern SEGMENT = Pattern.compile("([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})");
    private static final Pattern PARTIAL = Pattern.compile("([0-9A-F]{8})([0-9A-F]{8})([0-9A-F]{8})\\.partial");
    private static final Pattern HISTORY = Pattern.compile("([0-9A-F]{8})\\.history");

    /** Histories first (a timeline is known before its segments), then segments in WAL order. */
    static final Comparator<WalFile> ARCHIVE_ORDER = Comparator.comparing((WalFile file) -> file.kind != Kind.HISTORY)
            .thenComparingLong(WalFile::logId).thenComparingLong(WalFile::segmentId)
            .thenComparingInt(WalFile::timeline);

    /** The file named so, or empty for anything else (a history being written, a file of someone else). */
    static Optional<WalFile> parse(String name) {
        Matcher segment = SEGMENT.matcher(name);
        if (segment.matches()) {
            return Optional.of(new WalFile(name, Kind.SEGMENT, hex(segment.group(1)), hexLong(segment.group(2)),
                    hexLong(segment.group(3))));
        }
        Matcher partial = PARTIAL.matcher(name);
        if (partial.matches()) {
            return Optional.of(new WalFile(name, Kind.PARTIAL, hex(partial.group(1)),
                    hexLong(partial.group(2)), hexLong(partial.group(3))));
        }
        Matcher history = HISTORY.matcher(name);
        if (history.matches()) {
            return Optional.of(new WalFile(name, Kind.HISTORY, hex(history.group(1)), 0, 0));
        }
        return Optional.empty();
    }

    /** Where the segment begins; only for a segment or a partial segment. */
    Lsn startLsn(long segmentBytes) {
        long segmentsPerLogId = 0x1_0000_0000L / segmentBytes;
        return new Lsn((logId * segmentsPerLogId + segmentId) * segmentBytes);
    }

    /** Where a complete segment ends: the next one's start. */
    Lsn endLsn(long segmentBytes) {
        return new Lsn(startLsn(segmentBytes).value() + segmentBytes);
    }

    /** Whether this segment comes after {@code other} in WAL (later position, or a later timeline at the same). */
    boolean isAfter(WalFile other) {
        return ARCHIVE_ORDER.compare(this, other) > 0;
    }

    private static int hex(String digits) {
        return Integer.parseUnsignedInt(digits, 16);
    }

    private static long hexLong(String digits) {
        return Long.parseUnsignedLong(digits, 16);
    }
}
