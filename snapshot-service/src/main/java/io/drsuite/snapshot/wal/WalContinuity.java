package io.drsuite.snapshot.wal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What an archive's segments say about its continuity. Within a timeline, segments must follow each other from the
 * archive's first segment of that timeline; a missing stretch is a gap. A new timeline begins at its switch point,
 * so the newest WAL is reachable from an older timeline when that timeline's segments run up to where the newer one
 * begins. The continuous tail is what a restore can replay: the stretches, oldest first, that lead without a gap to
 * the newest segment.
 */
public final class WalContinuity {

    private final List<ArchivedSegment> segments;
    private final Map<Integer, List<WalStretch>> stretchesByTimeline;
    private final List<WalStretch> tail;

    private WalContinuity(List<ArchivedSegment> segments) {
        this.segments = segments.stream().sorted(Comparator.comparingInt(ArchivedSegment::timeline)
                .thenComparing(ArchivedSegment::startLsn, Long::compareUnsigned)).toList();
        this.stretchesByTimeline = stretches(this.segments);
        this.tail = tail(stretchesByTimeline);
    }

    public static WalContinuity of(List<ArchivedSegment> segments) {
        return new WalContinuity(segments);
    }

    public Optional<ArchivedSegment> newest() {
        return tail.isEmpty() ? Optional.empty() : Optional.of(tail.getLast().last());
    }

    public int segmentCount() {
        return segments.size();
    }

    public long bytes() {
        return segments.stream().mapToLong(ArchivedSegment::sizeBytes).sum();
    }

    public Optional<ArchivedSegment> first() {
        return segments.stream().min(Comparator.comparing(ArchivedSegment::startLsn, Long::compareUnsigned)
                .thenComparingInt(ArchivedSegment::timeline));
    }

    /** Each missing stretch in words: {@code timeline 1: 000000010000000000000005 to 000000010000000000000007 missing}. */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        stretchesByTimeline.forEach((timeline, stretches) -> {
            for (int i = 1; i < stretches.size(); i++) {
                ArchivedSegment before = stretches.get(i - 1).last();
                ArchivedSegment after = stretches.get(i).first();
                long segmentBytes = before.segmentBytes();
                String firstMissing = ArchivedSegment.fileName(timeline, before.endLsn(), segmentBytes);
                String lastMissing = ArchivedSegment.fileName(timeline, after.startLsn() - segmentBytes, segmentBytes);
                gaps.add("timeline " + timeline + ": " + (firstMissing.equals(lastMissing) ? firstMissing
                        : firstMissing + " to " + lastMissing) + " missing");
            }
        });
        return gaps;
    }

    /** Whether the WAL from {@code lsn} of {@code timeline} on is archived without a gap up to the newest segment. */
    public boolean continuousFrom(int timeline, long lsn) {
        return tail.stream().anyMatch(stretch -> stretch.covers(timeline, lsn));
    }

    /** Whether WAL up to {@code lsn} is archived (it lies before the end of the newest segment). */
    public boolean reaches(long lsn) {
        return newest().map(segment -> Long.compareUnsigned(lsn, segment.endLsn()) <= 0).orElse(false);
    }

    /**
     * The runs of segments a restore from {@code lsn} of {@code timeline} replays, oldest first: the tail from the
     * segment holding that position on. Empty when that WAL is not continuous up to the newest segment.
     */
    public List<WalStretch> runsFrom(int timeline, long lsn) {
        for (int i = 0; i < tail.size(); i++) {
            if (tail.get(i).covers(timeline, lsn)) {
                List<WalStretch> runs = new ArrayList<>();
                runs.add(tail.get(i).from(lsn));
                runs.addAll(tail.subList(i + 1, tail.size()));
                return runs;
            }
        }
        return List.of();
    }

    private static Map<Integer, List<WalStretch>> stretches(List<ArchivedSegment> sorted) {
        Map<Integer, List<ArchivedSegment>> byTimeline = sorted.stream().collect(Collectors.groupingBy(
                ArchivedSegment::timeline, TreeMap::new, Collectors.toList()));
        Map<Integer, List<WalStretch>> stretches = new TreeMap<>();
        byTimeline.forEach((timeline, ofTimeline) -> {
            List<WalStretch> list = new ArrayList<>();
            ArchivedSegment first = ofTimeline.getFirst();
            ArchivedSegment previous = first;
            for (ArchivedSegment segment : ofTimeline.subList(1, ofTimeline.size())) {
                if (segment.startLsn() != previous.endLsn()) {
                    list.add(new WalStretch(timeline, first, previous));
                    first = segment;
                }
                previous = segment;
            }
            list.add(new WalStretch(timeline, first, previous));
            stretches.put(timeline, list);
        });
        return stretches;
    }

    /** From the newest timeline's last stretch back through older timelines that run up to where it begins. */
    private static List<WalStretch> tail(Map<Integer, List<WalStretch>> stretchesByTimeline) {
        List<WalStretch> tail = new ArrayList<>();
        List<Integer> timelines = new ArrayList<>(stretchesByTimeline.keySet());
        for (int i = timelines.size() - 1; i >= 0; i--) {
            WalStretch last = stretchesByTimeline.get(timelines.get(i)).getLast();
            if (!tail.isEmpty() && Long.compareUnsigned(last.last().endLsn(), tail.getFirst().first().startLsn()) < 0) {
                break;
            }
            tail.addFirst(last);
            if (stretchesByTimeline.get(timelines.get(i)).size() > 1) {
                break;
            }
        }
        return tail;
    }

    /** When the newest segment was complete: the latest point a restore can reach. */
    public Optional<Instant> latest() {
        return newest().map(ArchivedSegment::closedAt);
    }
}
