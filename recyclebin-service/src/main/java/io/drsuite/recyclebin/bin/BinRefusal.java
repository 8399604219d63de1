package io.drsuite.recyclebin.bin;

/**
 * The managed database refuses what was asked, for a reason a user can fix: the object does not exist, a name is
 * taken, something depends on it. Nothing was changed.
 */
public final class BinRefusal extends RuntimeException {

    /** Whether the object asked for is missing (404-like) or in the way of something (409-like). */
    public enum Reason {
        NOT_FOUND, CONFLICT, NOT_SUPPORTED
    }

    private final Reason reason;

    public BinRefusal(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
