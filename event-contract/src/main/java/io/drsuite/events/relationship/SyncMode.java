package io.drsuite.relationship.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether commits on the primary wait for the DR main standby. */
public enum SyncMode {
    @JsonProperty("async")
    ASYNC,
    @JsonProperty("sync")
    SYNC;

    public String wireName() {
        return this == SYNC ? "sync" : "async";
    }
}
