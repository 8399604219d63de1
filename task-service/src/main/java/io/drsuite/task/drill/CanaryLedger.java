package io.drsuite.task.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the canary writer was told: each commit the server acknowledged, with when and by which server. The numbers
 * grow by one per attempt and a failed attempt's number is never used again (it may have committed without the
 * acknowledgement arriving), so the acknowledged numbers are a few ranges. Those ranges outlive a crash of
 * task-service as an artifact ({@link Range}); the times and servers only this run knows.
 */
final class CanaryLedger {

    /** Acknowledged numbers {@code from..to}, both included. */
    record Range(long from, long to) {

        long count() {
            return to - from + 1;
        }
    }

    /** One acknowledged commit: its number, when, and the server ({@code host:port}) that committed it. */
    record Ack(long number, Instant at, String server) {
    }

    private final List<Range> earlier;
    private final List<Ack> acks = new ArrayList<>();
    private long failedAttempts;

    CanaryLedger(List<Range> earlier) {
        this.earlier = List.copyOf(earlier);
    }

    synchronized void acknowledged(long number, Instant at, String server) {
        acks.add(new Ack(number, at, server));
    }

    synchronized void failed() {
        failedAttempts++;
    }

    synchronized long failedAttempts() {
        return failedAttempts;
    }

    /** Every acknowledged number, the earlier runs' and this one's, as ranges. */
    synchronized List<Range> ranges() {
        List<Range> ranges = new ArrayList<>(earlier);
        for (Ack ack : acks) {
            Range last = ranges.isEmpty() ? null : ranges.getLast();
            if (last != null && last.to() + 1 == ack.number()) {
                ranges.set(ranges.size() - 1, new Range(last.from(), ack.number()));
            } else {
                ranges.add(new Range(ack.number(), ack.number()));
            }
        }
        return ranges;
    }

    synchronized long acknowledgedCount() {
        return ranges().stream().mapToLong(Range::count).sum();
    }

    /** Whether this run heard an acknowledgement before {@code instant} (false when it started after it). */
    synchronized boolean heardBefore(Instant instant) {
        return !acks.isEmpty() && acks.getFirst().at().isBefore(instant);
    }

    /** The first commit {@code server} acknowledged after {@code since}. */
    synchronized Optional<Ack> firstBy(String server, Instant since) {
        return acks.stream().filter(ack -> ack.server().equals(server) && !ack.at().isBefore(since)).findFirst();
    }

    /**
     * The longest time between two acknowledged commits up to {@code until} and since the last one before
     * {@code from}: how long the writer, committing every few milliseconds, could not commit.
     */
    synchronized Duration longestGap(Instant from, Instant until) {
        Duration longest = Duration.ZERO;
        Ack previous = null;
        for (Ack ack : acks) {
            if (ack.at().isAfter(until)) {
                break;
            }
            if (previous != null && !ack.at().isBefore(from)) {
                Duration gap = Duration.between(previous.at(), ack.at());
                longest = gap.compareTo(longest) > 0 ? gap : longest;
            }
            previous = ack;
        }
        return longest;
    }
}
