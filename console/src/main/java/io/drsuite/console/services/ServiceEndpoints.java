package io.drsuite.console.services;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;

/** Where the five services answer, and how long the console waits for one of them. */
@ConfigMapping(prefix = "drsuite.console.services")
public interface ServiceEndpoints {

    URI relationship();

    URI task();

    URI monitor();

    URI snapshot();

    URI recyclebin();

    Duration timeout();

    default URI of(Service service) {
        return switch (service) {
            case RELATIONSHIP -> relationship();
            case TASK -> task();
            case MONITOR -> monitor();
            case SNAPSHOT -> snapshot();
            case RECYCLEBIN -> recyclebin();
        };
    }
}
