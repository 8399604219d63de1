package io.drsuite.snapshot.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.snapshot.model.Snapshot;
import io.drsuite.snapshot.model.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetentionPlannerTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Set<UUID> NONE_IN_USE = Set.of();

    @Test
    void keepLastKeepsTheNewestN() {
        List<Snapshot> newestFirst = ages(1, 2, 3, 4);
        assertThat(RetentionPlanner.expired(newestFirst, 2, null, null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(2), newestFirst.get(3));
    }

    @Test
    void maxAgeDeletesOlderOnesButNeverTheNewest() {
        List<Snapshot> newestFirst = ages(30, 40, 50);
        assertThat(RetentionPlanner.expired(newestFirst, null, Duration.ofHours(10), null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(1), newestFirst.get(2));
    }

    @Test
    void bothRulesMustHoldToStay() {
        List<Snapshot> newestFirst = ages(1, 2, 30);
        assertThat(RetentionPlanner.expired(newestFirst, 5, Duration.ofHours(10), null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(2));
        assertThat(RetentionPlanner.expired(newestFirst, 1, Duration.ofHours(100), null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(1), newestFirst.get(2));
    }

    @Test
    void nothingToDeleteFromOneOrNone() {
        assertThat(RetentionPlanner.expired(ages(500), 1, Duration.ofHours(1), null, NOW, NONE_IN_USE)).isEmpty();
        assertThat(RetentionPlanner.expired(List.of(), 1, null, null, NOW, NONE_IN_USE)).isEmpty();
    }

    @Test
    void theNewestVerifiedSnapshotStaysBesideTheNewestCompleted() {
        List<Snapshot> newestFirst = ages(1, 2, 3, 4);
        newestFirst.get(2).verifyResult = VerificationResult.OK;
        newestFirst.get(3).verifyResult = VerificationResult.OK;
        newestFirst.get(1).verifyResult = VerificationResult.FAILED;
        assertThat(RetentionPlanner.expired(newestFirst, 1, null, null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(1), newestFirst.get(3));
        assertThat(RetentionPlanner.expired(newestFirst, null, Duration.ofMinutes(30), null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(1), newestFirst.get(3));
    }

    @Test
    void aRestoreTestedSnapshotCountsAsVerified() {
        List<Snapshot> newestFirst = ages(1, 2, 3, 4);
        newestFirst.get(2).setAsRestoreTested(NOW.minusSeconds(60), 42.0);
        newestFirst.get(3).verifyResult = VerificationResult.OK;
        assertThat(RetentionPlanner.expired(newestFirst, 1, null, null, NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(1), newestFirst.get(3));
    }

    @Test
    void snapshotsBeingVerifiedOrRestoredStay() {
        List<Snapshot> newestFirst = ages(1, 2, 3, 4);
        newestFirst.get(1).verifyResult = VerificationResult.RUNNING;
        assertThat(RetentionPlanner.expired(newestFirst, 1, null, null, NOW, Set.of(newestFirst.get(3).id)))
                .containsExactly(newestFirst.get(2));
    }

    /**
     * Daily snapshots, keepLast 2, a recovery window of 3 days: the newest one at least 3 days old (the 72 h one) stays
     * as the window's base; the older ones and the 48 h one (neither among the last 2 nor the base) go.
     */
    @Test
    void aRecoveryWindowKeepsTheNewestSnapshotOldEnoughToReachBackThatFar() {
        List<Snapshot> newestFirst = ages(1, 24, 48, 72, 96, 120);
        assertThat(RetentionPlanner.expired(newestFirst, 2, null, Duration.ofDays(3), NOW, NONE_IN_USE))
                .containsExactly(newestFirst.get(2), newestFirst.get(4), newestFirst.get(5));
        List<Snapshot> young = ages(1, 24, 48);
        assertThat(RetentionPlanner.expired(young, 1, null, Duration.ofDays(3), NOW, NONE_IN_USE))
                .as("no snapshot is old enough yet: the window is still filling, the rules apply as they are")
                .containsExactly(young.get(1), young.get(2));
    }

    /** Snapshots requested the given numbers of hours ago, in that order. */
    private static List<Snapshot> ages(int... hoursAgo) {
        return IntStream.of(hoursAgo).mapToObj(hours -> {
            Snapshot snapshot = new Snapshot();
            snapshot.id = UUID.randomUUID();
            snapshot.requestedAt = NOW.minus(Duration.ofHours(hours));
            return snapshot;
        }).toList();
    }
}
