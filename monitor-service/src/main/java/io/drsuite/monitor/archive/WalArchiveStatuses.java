package io.drsuite.monitor.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.snapshot.WalEvents;
import io.drsuite.monitor.model.WalArchiveStatus;
import io.drsuite.platform.inbox.IncomingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The WAL archives as last announced. Applying an announcement is idempotent (newer wins), so a redelivery changes
 * nothing; the segment announcements on the same topic are snapshot-service's to read and are skipped.
 */
@ApplicationScoped
public class WalArchiveStatuses {

    private final ObjectMapper json;

    WalArchiveStatuses(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public void apply(IncomingEvent event) {
        if (event.is(WalEvents.ARCHIVE_CHANGED)) {
            WalArchiveStatus.apply(event.payload(WalEvents.ARCHIVE_CHANGED, json));
        }
    }

    @Transactional
    public List<WalArchiveStatus> all() {
        return WalArchiveStatus.listAll();
    }
}
