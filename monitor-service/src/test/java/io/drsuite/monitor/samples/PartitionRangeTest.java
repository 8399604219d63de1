package io.drsuite.monitor.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slots counted from the epoch, and the parts of a slot that existing partitions leave free. */
class PartitionRangeTest {

    private static final Instant NOON = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void aSlotIsAlignedToItsWidth() {
        assertThat(PartitionRange.slotOf(Instant.parse("2026-12-03T12:34:56.789Z"), Duration.ofHours(1)))
                .isEqualTo(range(NOON, NOON.plusSeconds(3600)));
        assertThat(PartitionRange.slotOf(Instant.parse("2026-12-03T12:00:03.5Z"), Duration.ofSeconds(2)))
                .isEqualTo(range(NOON.plusSeconds(2), NOON.plusSeconds(4)));
    }

    @Test
    void aSlotIsCutWherePartitionsOfAnEarlierWidthAlreadyCoverIt() {
        PartitionRange hour = range(NOON, NOON.plusSeconds(3600));
        assertThat(hour.uncoveredBy(List.of())).containsExactly(hour);
        assertThat(hour.uncoveredBy(List.of(hour))).isEmpty();
        // 15-minute partitions made before the width became an hour: the rest of the hour only
        List<PartitionRange> quarters = List.of(range(NOON.minusSeconds(900), NOON),
                range(NOON, NOON.plusSeconds(900)), range(NOON.plusSeconds(900), NOON.plusSeconds(1800)));
        assertThat(hour.uncoveredBy(quarters)).containsExactly(range(NOON.plusSeconds(1800), NOON.plusSeconds(3600)));
        // an hour partition made before the width became 15 minutes covers these slots whole
        assertThat(range(NOON.plusSeconds(900), NOON.plusSeconds(1800)).uncoveredBy(List.of(hour))).isEmpty();
        // a gap in the middle
        assertThat(hour.uncoveredBy(List.of(range(NOON.plusSeconds(600), NOON.plusSeconds(1200)))))
                .containsExactly(range(NOON, NOON.plusSeconds(600)), range(NOON.plusSeconds(1200),
                        NOON.plusSeconds(3600)));
    }

    private static PartitionRange range(Instant from, Instant to) {
        return new PartitionRange(from, to);
    }
}
