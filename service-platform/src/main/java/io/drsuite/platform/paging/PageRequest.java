package io.drsuite.platform.paging;

import io.drsuite.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One page of a list: at most {@code limit} items after the cursor a previous page handed out (its {@code Link: <...>;
 * rel="next"}). The cursor is opaque to clients; inside it is the sort key of the last item returned.
 *
 * @param limit how many items at most
 * @param after the sort key of the last item of the previous page; null for the first page
 */
public record PageRequest(int limit, String after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    /**
     * Reads the {@code limit} and {@code cursor} query parameters.
     *
     * @throws ProblemException 400 when the limit is out of range or the cursor is not one this service handed out
     */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "limit must be between 1 and " + MAX_LIMIT + ", not " + size);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /** The sort key after which the page starts, as a number (for lists ordered by a numeric id). */
    public Long afterNumber() {
        if (after == null) {
            return null;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    static ProblemException invalidCursor() {
        return ProblemException.badRequest("cursor", "cursor is not one this list handed out; start again without it");
    }
}
