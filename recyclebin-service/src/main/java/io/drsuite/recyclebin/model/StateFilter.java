package io.drsuite.recyclebin.model;

import java.util.Locale;

/** Which entries a listing shows: those in one state ({@code recycled} unless asked otherwise) or {@code all}. */
public enum StateFilter {
    RECYCLED(EntryState.RECYCLED),
    RESTORED(EntryState.RESTORED),
    PURGED(EntryState.PURGED),
    ALL(null);

    private final EntryState state;

    StateFilter(EntryState state) {
        this.state = state;
    }

    /** The one state listed; null for all of them. */
    public EntryState state() {
        return state;
    }

    /** {@code recycled}, {@code restored}, {@code purged} or {@code all}; entries in the bin when absent. */
    public static StateFilter fromWire(String value) {
        return value == null ? RECYCLED : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
