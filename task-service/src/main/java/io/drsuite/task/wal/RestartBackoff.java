package io.drsuite.task.wal;

import java.time.Duration;
import java.time.Instant;

/**
 * When to start pg_receivewal again after it ended or could not start: 1 s, doubling to 30 s, so a dead node costs
 * one attempt per period. A run that lasted longer than the longest pause starts the count again.
 */
final class RestartBackoff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(30);

    private Duration next = FIRST;
    private Instant notBefore = Instant.MIN;

    /** pg_receivewal ended (or did not start) after running so long: waits before the next attempt. */
    Duration failed(Duration ranFor) {
        if (ranFor.compareTo(LONGEST) > 0) {
            next = FIRST;
        }
        Duration pause = next;
        notBefore = Instant.now().plus(pause);
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return pause;
    }

    /** Start again at once (the source changed, not failed). */
    void reset() {
        next = FIRST;
        notBefore = Instant.MIN;
    }

    boolean mayStart() {
        return !Instant.now().isBefore(notBefore);
    }
}
