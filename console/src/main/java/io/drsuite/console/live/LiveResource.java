package io.drsuite.console.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;

/**
 * The live stream every page opens (htmx's SSE extension): one server-sent event per change the console heard, and
 * a {@code keep-alive} event every 20 s so proxies keep the connection open. {@code since}, when the page was
 * rendered (epoch milliseconds), replays what was heard while the page was on its way ({@link LiveUpdates}).
 */
@Path("/live")
public class LiveResource {

    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final LiveUpdates updates;

    LiveResource(LiveUpdates updates) {
        this.updates = updates;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(Sse sse, @QueryParam("since") Long since) {
        Multi<LiveSignal> heard = since == null ? updates.stream() : updates.stream(Instant.ofEpochMilli(since));
        Multi<OutboundSseEvent> signals = heard
                .map(signal -> sse.newEventBuilder().name(signal.name()).data(signal.cause()).build());
        Multi<OutboundSseEvent> keepAlive = Multi.createFrom().ticks().every(KEEP_ALIVE)
                .map(tick -> sse.newEventBuilder().name("keep-alive").data("").build());
        return Multi.createBy().merging().streams(signals, keepAlive);
    }
}
