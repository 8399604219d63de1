package io.drsuite.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A page's stream asks for one signal at a time (the SSE writer requests the next when a write finished); signals
 * announced meanwhile wait for it instead of being lost.
 */
class LiveUpdatesTest {

    @Test
    void aBurstOfSignalsReachesAPageThatAsksForOneAtATime() {
        LiveUpdates updates = new LiveUpdates(new SimpleMeterRegistry());
        AssertSubscriber<LiveSignal> page = updates.stream().subscribe().withSubscriber(AssertSubscriber.create(1));
        List<LiveSignal> burst = IntStream.range(0, 50).mapToObj(i -> LiveSignal.cluster(i, "test")).toList();

        burst.forEach(updates::announce);
        assertEquals(1, page.getItems().size());
        page.request(burst.size() - 1);

        assertEquals(burst, page.getItems());
    }
}
