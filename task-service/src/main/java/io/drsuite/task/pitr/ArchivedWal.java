package io.drsuite.task.pitr;

import static io.drsuite.events.task.WalTasks.WAL_HISTORY_FILES;
import static io.drsuite.events.task.WalTasks.WAL_SEGMENT_RUNS;

import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.task.WalTasks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The archived WAL files a restore stages: the segments of the runs named in its parameters, in order, and the
 * timeline history files. Every name is checked against PostgreSQL's file name patterns, so nothing but a WAL file
 * name ever becomes a path on the node's host.
 */
public record ArchivedWal(List<String> segments, List<String> historyFiles, long segmentBytes) {

    private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern HISTORY = Pattern.compile("[0-9A-F]{8}\\.history");
    /** Segments past this many in one restore are a mistake in the request, not WAL to stage. */
    private static final long MAX_SEGMENTS = 1_000_000;

    public ArchivedWal {
        segments = List.copyOf(segments);
        historyFiles = List.copyOf(historyFiles);
    }

    /**
     * Reads {@link WalTasks#WAL_SEGMENT_RUNS} and {@link WalTasks#WAL_HISTORY_FILES}; {@code segmentBytes} is the
     * restored cluster's WAL segment size, which fixes how segment names count.
     */
    public static ArchivedWal of(Map<String, String> parameters, long segmentBytes) {
        if (segmentBytes <= 0 || Long.bitCount(segmentBytes) != 1) {
            throw new IllegalArgumentException("WAL segment size " + segmentBytes + " is not a power of two");
        }
        long perLogId = 0x1_0000_0000L / segmentBytes;
        List<String> segments = new ArrayList<>();
        for (String run : WalTasks.splitLines(parameters.get(WAL_SEGMENT_RUNS))) {
            if (run.isBlank()) {
                continue;
            }
            String[] ends = run.strip().split("\\s+");
            if (ends.length != 2) {
                throw new IllegalArgumentException("WAL segment run '" + run + "' is not '<first> <last>'");
            }
            String first = segmentName(ends[0]);
            String last = segmentName(ends[1]);
            if (!first.substring(0, 8).equals(last.substring(0, 8))) {
                throw new IllegalArgumentException("WAL segment run " + run + " spans two timelines");
            }
            long from = number(first, perLogId);
            long to = number(last, perLogId);
            if (to < from || to - from + segments.size() > MAX_SEGMENTS) {
                throw new IllegalArgumentException("WAL segment run " + run + " is empty or too long");
            }
            for (long segment = from; segment <= to; segment++) {
                segments.add(String.format(Locale.ROOT, "%s%08X%08X", first.substring(0, 8), segment / perLogId,
                        segment % perLogId));
            }
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no WAL segments to stage: " + WAL_SEGMENT_RUNS + " names none");
        }
        List<String> history = WalTasks.splitLines(parameters.get(WAL_HISTORY_FILES)).stream().map(String::strip)
                .filter(name -> !name.isEmpty()).toList();
        for (String name : history) {
            if (!HISTORY.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a timeline history file name");
            }
        }
        return new ArchivedWal(segments, history, segmentBytes);
    }

    /** History files first: the server reads them to choose its timeline before it asks for segments. */
    public List<String> files() {
        List<String> all = new ArrayList<>(historyFiles);
        all.addAll(segments);
        return all;
    }

    /** The position just past the last staged segment: as far as recovery can get. */
    public Lsn end() {
        String last = segments.getLast();
        long perLogId = 0x1_0000_0000L / segmentBytes;
        return new Lsn((number(last, perLogId) + 1) * segmentBytes);
    }

    private static String segmentName(String name) {
        if (!SEGMENT.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a WAL segment file name");
        }
        return name;
    }

    private static long number(String segment, long perLogId) {
        long logId = Long.parseLong(segment.substring(8, 16), 16);
        long inLog = Long.parseLong(segment.substring(16, 24), 16);
        if (inLog >= perLogId) {
            throw new IllegalArgumentException("'" + segment + "' is not a segment of " + 0x1_0000_0000L / perLogId
                    + "-byte WAL");
        }
        return logId * perLogId + inLog;
    }
}
