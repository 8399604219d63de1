package io.drsuite.events.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a node was when last looked at: the writable primary or a hot standby.
 */
public enum NodeRole {
    @JsonProperty("primary")
    PRIMARY,
    @JsonProperty("standby")
    STANDBY
}
