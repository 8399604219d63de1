package io.drsuite.recyclebin.service;

/**
 * When the sync tries again a database it could not reach, counted in passes: the next pass after the first failure,
 * then after leaving out 1, 3, 7, ... passes, never more than a cap. A dead node costs at most one connection attempt
 * per pass, and fewer the longer it stays down.
 */
final class ReconnectBackoff {

    private final int maxPassesLeftOut;
    private int failures;
    private int passesToLeaveOut;

    ReconnectBackoff(int maxPassesLeftOut) {
        this.maxPassesLeftOut = maxPassesLeftOut;
    }

    /** Asked once in each pass that would connect: whether this one does. */
    boolean triesThisPass() {
        if (passesToLeaveOut > 0) {
            passesToLeaveOut--;
            return false;
        }
        return true;
    }

    void failed() {
        failures++;
        passesToLeaveOut = (int) Math.min(maxPassesLeftOut, (1L << Math.min(failures - 1, 30)) - 1);
    }

    int failures() {
        return failures;
    }
}
