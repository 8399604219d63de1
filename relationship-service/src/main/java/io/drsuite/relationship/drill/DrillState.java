package io.drsuite.relationship.drill;

import java.util.Locale;

/** Where a drill is: running (it holds its sandbox port and folder), or done with its verdict. */
public enum DrillState {

    RUNNING, PASSED, FAILED;

    public boolean isDone() {
        return this != RUNNING;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
