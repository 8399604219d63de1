package io.drsuite.events.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/** How a task ended, as {@link TaskFinished} carries it: {@code succeeded}, {@code failed} or {@code cancelled}. */
public enum TaskResult {
    @JsonProperty("succeeded")
    SUCCEEDED,
    @JsonProperty("failed")
    FAILED,
    @JsonProperty("cancelled")
    CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
