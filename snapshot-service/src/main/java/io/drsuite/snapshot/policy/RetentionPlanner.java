package io.drsuite.snapshot.policy;

import io.drsuite.snapshot.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a policy's completed snapshots retention deletes. A snapshot stays while it is among the newest
 * {@code keepLast} and younger than {@code maxAge} (each only when set). The newest completed snapshot always stays:
 * retention alone never leaves a policy without a backup.
 */
public final class RetentionPlanner {

    private RetentionPlanner() {
    }

    /**
     * @param newestFirst the policy's completed snapshots, newest first
     * @param keepLast how many to keep, or null
     * @param maxAge how old one may get, or null
     */
    public static List<Snapshot> expired(List<Snapshot> newestFirst, Integer keepLast, Duration maxAge, Instant now) {
        List<Snapshot> expired = new ArrayList<>();
        for (int position = 1; position < newestFirst.size(); position++) {
            Snapshot snapshot = newestFirst.get(position);
            boolean beyondCount = keepLast != null && position >= keepLast;
            boolean tooOld = maxAge != null && snapshot.requestedAt.plus(maxAge).isBefore(now);
            if (beyondCount || tooOld) {
                expired.add(snapshot);
            }
        }
        return expired;
    }
}
