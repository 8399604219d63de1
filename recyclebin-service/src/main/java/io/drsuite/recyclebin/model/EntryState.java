package io.drsuite.recyclebin.model;

import io.drsuite.events.EventType;
import io.drsuite.events.recyclebin.BinEntryChanged;
import io.drsuite.events.recyclebin.RecycleBinEvents;
import java.util.Locale;

/**
 * Where a recycle-bin entry is: in the bin ({@code recycled}), or out of it for good ({@code restored},
 * {@code purged}). Written by its {@link #wireName()} in this service's table, the API and the events.
 */
public enum EntryState {
    RECYCLED(RecycleBinEvents.RECYCLED),
    RESTORED(RecycleBinEvents.RESTORED),
    PURGED(RecycleBinEvents.PURGED);

    private final EventType<BinEntryChanged> announcement;

    EntryState(EventType<BinEntryChanged> announcement) {
        this.announcement = announcement;
    }

    public boolean isInBin() {
        return this == RECYCLED;
    }

    /** The event that announces an entry reaching this state. */
    public EventType<BinEntryChanged> announcement() {
        return announcement;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EntryState fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
