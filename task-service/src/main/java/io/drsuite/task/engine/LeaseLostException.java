package io.drsuite.task.engine;

/** Another instance took the task over (this one stalled past its lease); this one must stop touching it. */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
