package io.drsuite.console.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A page's stream asks for one signal at a time (the SSE writer requests the next when a write finished); signals
 * announced meanwhile wait for it instead of being lost. A stream opened after its page was rendered first gets the
 * signals heard since, once per name.
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

    @Test
    void aPageWhoseStreamOpensAfterASignalGetsItFirstOncePerName() {
        LiveUpdates updates = new LiveUpdates(new SimpleMeterRegistry());
        Instant rendered = Instant.now();
        updates.remember(LiveSignal.relationship("old", "test"), rendered.minus(LiveUpdates.REPLAY_BEFORE_RENDER)
                .minusSeconds(1));
        updates.announce(LiveSignal.relationship("web", "sampled"));
        updates.announce(LiveSignal.cluster("web-dr", "changed"));
        updates.announce(LiveSignal.relationship("web", "sampled again"));

        AssertSubscriber<LiveSignal> page = updates.stream(rendered).subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        assertEquals(List.of(LiveSignal.cluster("web-dr", "changed"), LiveSignal.relationship("web", "sampled again")),
                page.getItems());

        updates.announce(LiveSignal.task("t", "progressed"));
        assertEquals(LiveSignal.task("t", "progressed"), page.getItems().getLast());
        AssertSubscriber<LiveSignal> withoutReplay = updates.stream().subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        assertEquals(List.of(), withoutReplay.getItems());
    }
}
