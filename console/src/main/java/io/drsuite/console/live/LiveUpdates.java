package io.drsuite.console.live;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fans the signals out to every open page of this console replica. A page that cannot keep up loses signals rather
 * than slowing the others down (each signal only says "fetch again", so the next one brings it up to date).
 */
@Startup
@ApplicationScoped
public class LiveUpdates {

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
        return signals.onOverflow().drop()
                .onSubscription().invoke(openPages::incrementAndGet)
                .onTermination().invoke(openPages::decrementAndGet);
    }
}
