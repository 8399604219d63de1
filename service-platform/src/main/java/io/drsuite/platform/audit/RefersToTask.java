package io.drsuite.platform.audit;

import java.util.UUID;

/** An answer that names the task a request started: its audit record keeps the task id. */
public interface RefersToTask {

    UUID taskId();
}
