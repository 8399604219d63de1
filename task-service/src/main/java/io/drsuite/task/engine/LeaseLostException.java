package io.drsuite.task.engine;

/**
 * This instance can no longer prove it holds a task's lease (another instance took it over, or renewals failed for
 * too long); it must stop touching the task's clusters and writing its rows.
 */
public class LeaseLostException extends RuntimeException {

    public LeaseLostException(String message) {
        super(message);
    }
}
