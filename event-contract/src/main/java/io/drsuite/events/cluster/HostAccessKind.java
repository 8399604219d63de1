package io.drsuite.events.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The two host executors: on this host as an OS user, or over SSH.
 */
public enum HostAccessKind {
    @JsonProperty("local")
    LOCAL,
    @JsonProperty("ssh")
    SSH
}
