package io.drsuite.snapshot.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WalContinuityTest {

    private static final long SEGMENT = 0x1000000L;

    @Test
    void consecutiveSegmentsHaveNoGapAndOneRunFromTheBaseSegment() {
        WalContinuity continuity = WalContinuity.of(segments(1, 1, 2, 3, 4));
        assertThat(continuity.gaps()).isEmpty();
        assertThat(continuity.continuousFrom(1, SEGMENT * 2 + 0x28)).isTrue();
        assertThat(continuity.runsFrom(1, SEGMENT * 2 + 0x28)).extracting(WalStretch::run)
                .containsExactly("000000010000000000000002 000000010000000000000004");
        assertThat(continuity.newest().orElseThrow().fileName()).isEqualTo("000000010000000000000004");
        assertThat(continuity.reaches(SEGMENT * 5)).isTrue();
        assertThat(continuity.reaches(SEGMENT * 5 + 1)).isFalse();
    }

    @Test
    void aMissingSegmentIsAGapAndCutsOffWhatCameBefore() {
        WalContinuity continuity = WalContinuity.of(segments(1, 1, 2, 5, 6));
        assertThat(continuity.gaps()).containsExactly(
                "timeline 1: 000000010000000000000003 to 000000010000000000000004 missing");
        assertThat(continuity.continuousFrom(1, SEGMENT + 0x28)).isFalse();
        assertThat(continuity.runsFrom(1, SEGMENT + 0x28)).isEmpty();
        assertThat(continuity.continuousFrom(1, SEGMENT * 5 + 0x28)).isTrue();
        assertThat(WalContinuity.of(segments(1, 1, 3)).gaps()).containsExactly(
                "timeline 1: 000000010000000000000002 missing");
    }

    @Test
    void aNewTimelineContinuesFromItsSwitchPoint() {
        List<ArchivedSegment> segments = new ArrayList<>(segments(1, 1, 2, 3));
        segments.addAll(segments(2, 4, 5));
        WalContinuity continuity = WalContinuity.of(segments);
        assertThat(continuity.gaps()).isEmpty();
        assertThat(continuity.runsFrom(1, SEGMENT * 2)).extracting(WalStretch::run).containsExactly(
                "000000010000000000000002 000000010000000000000003",
                "000000020000000000000004 000000020000000000000005");

        List<ArchivedSegment> broken = new ArrayList<>(segments(1, 1, 2));
        broken.addAll(segments(2, 4, 5));
        assertThat(WalContinuity.of(broken).continuousFrom(1, SEGMENT * 2)).isFalse();
    }

    private static List<ArchivedSegment> segments(int timeline, int... numbers) {
        List<ArchivedSegment> segments = new ArrayList<>();
        for (int number : numbers) {
            long start = SEGMENT * number;
            segments.add(new ArchivedSegment(ArchivedSegment.fileName(timeline, start, SEGMENT), timeline, start,
                    start + SEGMENT, Instant.parse("2026-12-03T00:00:00Z").plusSeconds(number), 100));
        }
        return segments;
    }
}
