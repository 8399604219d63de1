package io.drsuite.console.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans the signals out to every open page of this console replica. Each page has a buffer of its own: the SSE writer
 * asks for one signal at a time, and signals come in bursts (one event can name a cluster and the cluster list, and
 * the whole suite's events share the stream), so without it a signal arriving during a write was lost and its part
 * of the page stayed stale. A page that falls more than {@value #PAGE_BUFFER} signals behind has its stream ended
 * rather than slowing the others down; the browser reconnects and reloads what it shows (console.js).
 *
 * <p>A page's stream opens a moment after the page was rendered, and a signal heard in between would be lost: the
 * page would show what it read until the next change (a relationship's figures, until monitor-service's next
 * heartbeat). So every page says when it was rendered ({@link #renderedAt()} in the layout's stream address), and
 * its stream first replays, once per name, the signals heard from {@link #REPLAY_BEFORE_RENDER} before that on
 * (the reads the page was rendered from took at most that long). Times rather than sequence numbers, so a stream
 * that opens on another console replica than the one that rendered the page still gets them.
 */
@Startup
@ApplicationScoped
@Named("live")
public class LiveUpdates {

    static final int PAGE_BUFFER = 1024;
    static final Duration REPLAY_BEFORE_RENDER = Duration.ofSeconds(5);
    /** Signals are remembered for this long (and at most {@value #PAGE_BUFFER} of them) for streams still to open. */
    static final Duration REMEMBERED = Duration.ofMinutes(1);

    private final BroadcastProcessor<LiveSignal> signals = BroadcastProcessor.create();
    private final Deque<Heard> recent = new ArrayDeque<>();
    private final AtomicInteger openPages;
    private final MeterRegistry registry;

    LiveUpdates(MeterRegistry registry) {
        this.registry = registry;
        this.openPages = registry.gauge("drsuite.console.live.pages", new AtomicInteger());
    }

    public void announce(LiveSignal signal) {
        registry.counter("drsuite.console.live.signals").increment();
        remember(signal, Instant.now());
        signals.onNext(signal);
    }

    /** Now, in epoch milliseconds: written into each page as it is rendered, and sent back by its stream. */
    public long renderedAt() {
        return System.currentTimeMillis();
    }

    /** The signals from now on, for one page. */
    public Multi<LiveSignal> stream() {
        return counted(signals.onOverflow().buffer(PAGE_BUFFER));
    }

    /**
     * For a page rendered at {@code renderedAt}: the signals it may have missed since, then the signals from now on.
     * The live stream is subscribed first, so a signal is at worst sent twice (a region fetches itself once more),
     * never lost.
     */
    public Multi<LiveSignal> stream(Instant renderedAt) {
        Multi<LiveSignal> live = signals.onOverflow().buffer(PAGE_BUFFER);
        Multi<LiveSignal> missed = Multi.createFrom().deferred(() -> Multi.createFrom()
                .iterable(heardSince(renderedAt.minus(REPLAY_BEFORE_RENDER))));
        return counted(Multi.createBy().merging().streams(live, missed));
    }

    private Multi<LiveSignal> counted(Multi<LiveSignal> stream) {
        return stream.onSubscription().invoke(openPages::incrementAndGet)
                .onTermination().invoke(openPages::decrementAndGet);
    }

    synchronized void remember(LiveSignal signal, Instant at) {
        recent.addLast(new Heard(at, signal));
        while (recent.size() > PAGE_BUFFER || recent.getFirst().at().isBefore(at.minus(REMEMBERED))) {
            recent.removeFirst();
        }
    }

    /** The signals heard from {@code from} on, each name once, in the order of their last hearing. */
    synchronized List<LiveSignal> heardSince(Instant from) {
        Map<String, LiveSignal> byName = new LinkedHashMap<>();
        for (Heard heard : recent) {
            if (!heard.at().isBefore(from)) {
                byName.remove(heard.signal().name());
                byName.put(heard.signal().name(), heard.signal());
            }
        }
        return List.copyOf(byName.values());
    }

    private record Heard(Instant at, LiveSignal signal) {
    }
}
