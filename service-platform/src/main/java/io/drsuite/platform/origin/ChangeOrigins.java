package io.drsuite.platform.origin;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import java.util.function.Supplier;

/**
 * The origin of the change being made on this thread: the one a consumer or the task engine set while it applies
 * an event or runs a task's steps, else the current HTTP request's.
 */
public final class ChangeOrigins {

    private static final ThreadLocal<ChangeOrigin> APPLYING = new ThreadLocal<>();

    private ChangeOrigins() {
    }

    /** The current origin; an empty one when nothing set it (a schedule acting by itself). */
    public static ChangeOrigin current() {
        ChangeOrigin applying = APPLYING.get();
        if (applying != null) {
            return applying;
        }
        ArcContainer container = Arc.container();
        if (container != null && container.requestContext().isActive()) {
            ChangeOrigin requested = container.instance(RequestOrigin.class).get().origin();
            if (requested != null) {
                return requested;
            }
        }
        return new ChangeOrigin(null, null);
    }

    /** Runs {@code work} with {@code origin} as the current origin on this thread. */
    public static <T> T during(ChangeOrigin origin, Supplier<T> work) {
        ChangeOrigin before = APPLYING.get();
        APPLYING.set(origin);
        try {
            return work.get();
        } finally {
            if (before == null) {
                APPLYING.remove();
            } else {
                APPLYING.set(before);
            }
        }
    }

    public static void during(ChangeOrigin origin, Runnable work) {
        during(origin, () -> {
            work.run();
            return null;
        });
    }
}
