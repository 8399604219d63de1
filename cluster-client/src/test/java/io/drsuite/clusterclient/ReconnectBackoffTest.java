package io.drsuite.clusterclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polls in which a node that never answers is tried: 1, 2, 4, 8 ... polls apart, capped; every poll once back. */
class ReconnectBackoffTest {

    @Test
    void aDeadNodeIsTriedAfterOneTwoFourPollsUpToTheCap() {
        ReconnectBackoff backoff = new ReconnectBackoff(15);
        List<Long> attempts = new ArrayList<>();
        for (long poll = 1; poll <= 80; poll++) {
            if (backoff.mayConnect(poll)) {
                attempts.add(poll);
                backoff.failed(poll);
            }
        }
        assertThat(attempts).containsExactly(1L, 2L, 4L, 8L, 16L, 31L, 46L, 61L, 76L);
    }

    @Test
    void aNodeThatAnswersIsTriedEveryPollAgain() {
        ReconnectBackoff backoff = new ReconnectBackoff(15);
        backoff.failed(1);
        backoff.failed(2);
        backoff.failed(4);
        assertThat(backoff.mayConnect(5)).isFalse();
        backoff.succeeded();
        assertThat(backoff.mayConnect(5)).isTrue();
        assertThat(backoff.failures()).isZero();
        backoff.failed(5);
        assertThat(backoff.mayConnect(6)).as("one poll after the first failure").isTrue();
    }

    @Test
    void aNodeWhoseClusterAnOperationMovedIsTriedAtTheNextPoll() {
        ReconnectBackoff backoff = new ReconnectBackoff(30);
        for (long poll : new long[] {1, 2, 4, 8, 16}) {
            backoff.failed(poll);
        }
        assertThat(backoff.mayConnect(17)).as("backing off 16 polls").isFalse();
        backoff.reset();
        assertThat(backoff.mayConnect(17)).isTrue();
        backoff.failed(17);
        assertThat(backoff.mayConnect(18)).as("counted from one failure again").isTrue();
    }
}
