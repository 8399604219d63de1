package io.drsuite.platform.origin;

import java.util.UUID;

/**
 * Where a change comes from: the request's correlation id, which every event and task it causes carries on, and the
 * signed-in person or client who asked for it.
 *
 * @param correlationId links the request, its audit records, events and tasks; null for a change nobody requested
 *        (a schedule)
 * @param requestedBy the token's user name (a service account's is {@code service-account-<client>}); null when
 *        the suite acts by itself
 */
public record ChangeOrigin(UUID correlationId, String requestedBy) {

    /** The longest name kept; longer ones are cut. */
    static final int NAME_LIMIT = 200;

    public ChangeOrigin {
        if (requestedBy != null && requestedBy.length() > NAME_LIMIT) {
            requestedBy = requestedBy.substring(0, NAME_LIMIT);
        }
    }

    public static ChangeOrigin of(String correlationId, String requestedBy) {
        return new ChangeOrigin(parse(correlationId), requestedBy == null || requestedBy.isBlank() ? null
                : requestedBy);
    }

    /** A correlation id read from outside (a header): a UUID, or nothing. */
    public static UUID parse(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(correlationId.strip());
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }

    public boolean isEmpty() {
        return correlationId == null && requestedBy == null;
    }
}
