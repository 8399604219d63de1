package io.drsuite.relationship.drill;

import io.drsuite.events.cluster.HostAccess;
import java.time.Instant;

/** A sandbox as the API shows it. */
public record SandboxView(String name, String host, HostAccess access, String dataRoot, int portFrom, int portTo,
        Instant registeredAt) {

    public static SandboxView of(Sandbox sandbox) {
        return new SandboxView(sandbox.name, sandbox.host, sandbox.access(), sandbox.dataRoot, sandbox.portFrom,
                sandbox.portTo, sandbox.registeredAt);
    }
}
