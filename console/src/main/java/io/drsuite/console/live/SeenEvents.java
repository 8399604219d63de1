package io.drsuite.console.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the latest events this replica applied, so a redelivered event is applied and announced once. The
 * projection is idempotent on its own (each event carries the time it was true); this only spares pages a needless
 * refresh.
 */
@ApplicationScoped
public class SeenEvents {

    private static final int REMEMBERED = 10_000;

    private final Map<String, Boolean> seen = new LinkedHashMap<>(REMEMBERED, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    /** @return true the first time an id is offered */
    public synchronized boolean firstTime(String eventId) {
        return seen.put(eventId, Boolean.TRUE) == null;
    }
}
