package io.drsuite.console.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans the signals out to every open page of this console replica. Each page has a buffer of its own: the SSE writer
 * asks for one signal at a time, and signals come in bursts (one event can name a cluster and the cluster list, and
 * the whole suite's events share the stream), so without it a signal arriving during a write was lost and its part
 * of the page stayed stale. A page that falls more than {@value #PAGE_BUFFER} signals behind has its stream ended
 * rather than slowing the others down; the browser reconnects and reloads what it shows (console.js).
 */
@Startup
@ApplicationScoped
public class LiveUpdates {

    static final int PAGE_BUFFER = 1024;

    private final BroadcastProcessor<LiveSignal> signals = BroadcastProcessor.create();
    private final AtomicInteger openPages;
    private final MeterRegistry registry;

    LiveUpdates(MeterRegistry registry) {
        this.registry = registry;
        this.openPages = registry.gauge("drsuite.console.live.pages", new AtomicInteger());
    }

    public void announce(LiveSignal signal) {
        registry.counter("drsuite.console.live.signals").increment();
        signals.onNext(signal);
    }

    /** The signals from now on, for one page. */
    public Multi<LiveSignal> stream() {
        return signals.onOverflow().buffer(PAGE_BUFFER)
                .onSubscription().invoke(openPages::incrementAndGet)
                .onTermination().invoke(openPages::decrementAndGet);
    }
}
