package io.drsuite.snapshot.policy;

import io.drsuite.snapshot.model.Snapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a policy's completed snapshots retention deletes. A snapshot stays while it is among the newest
 * {@code keepLast} and younger than {@code maxAge} (each only when set). Whatever those rules say, four kinds
 * always stay:
 * <ul>
 * <li>the newest completed snapshot: retention alone never leaves a policy without its latest backup;</li>
 * <li>the newest snapshot known to restore (it passed verification, or a restore test restored and checked it):
 * kept even when newer unverified ones exist (when none is known to, the newest completed is the only one kept this
 * way);</li>
 * <li>snapshots in use: being verified, or read by a restore that has not ended; a later pass deletes them once
 * their task has ended, if the rules still say so;</li>
 * <li>with a {@code recoveryWindow}, the newest snapshot whose data is at least that old: the base from which a
 * point-in-time restore reaches back that far (the cluster's archived WAL is kept from it on).</li>
 * </ul>
 */
public final class RetentionPlanner {

    private RetentionPlanner() {
    }

    /**
     * @param newestFirst the policy's completed snapshots, newest first
     * @param keepLast how many to keep, or null
     * @param maxAge how old one may get, or null
     * @param recoveryWindow how far back a point-in-time restore must reach, or null
     * @param beingRestored ids of snapshots a restore that has not ended reads
     */
    public static List<Snapshot> expired(List<Snapshot> newestFirst, Integer keepLast, Duration maxAge,
            Duration recoveryWindow, Instant now, Set<UUID> beingRestored) {
        Optional<Snapshot> newestVerified = newestFirst.stream().filter(Snapshot::knownToRestore).findFirst();
        Optional<Snapshot> windowBase = recoveryWindow == null ? Optional.empty() : newestFirst.stream()
                .filter(snapshot -> !dataAsOf(snapshot).isAfter(now.minus(recoveryWindow))).findFirst();
        List<Snapshot> expired = new ArrayList<>();
        for (int position = 1; position < newestFirst.size(); position++) {
            Snapshot snapshot = newestFirst.get(position);
            boolean kept = snapshot.isBeingVerified() || beingRestored.contains(snapshot.id)
                    || newestVerified.filter(verified -> verified == snapshot).isPresent()
                    || windowBase.filter(base -> base == snapshot).isPresent();
            boolean beyondCount = keepLast != null && position >= keepLast;
            boolean tooOld = maxAge != null && snapshot.requestedAt.plus(maxAge).isBefore(now);
            if (!kept && (beyondCount || tooOld)) {
                expired.add(snapshot);
            }
        }
        return expired;
    }

    private static Instant dataAsOf(Snapshot snapshot) {
        return snapshot.consistentAt != null ? snapshot.consistentAt : snapshot.requestedAt;
    }
}
