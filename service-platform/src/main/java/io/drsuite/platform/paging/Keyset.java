package io.drsuite.platform.paging;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.function.Function;

/**
 * Where a page continues in a list ordered by a moment and then by id: the moment alone is not unique (two tasks may
 * be created in the same microsecond), the pair is. The cursor holds {@code <ISO-8601 instant>|<id>} of the last
 * item of the previous page; {@link KeysetQuery} turns it into the condition that selects what follows.
 *
 * @param at the moment of the last item of the previous page
 * @param id its id
 */
public record Keyset<I>(Instant at, I id) {

    private static final String SEPARATOR = "|";

    /** The sort key of one item, for {@link Page#of}. */
    public static String key(Instant at, Object id) {
        return at + SEPARATOR + id;
    }

    /**
     * The position the requested page continues after, or null for the first page.
     *
     * @param id reads the id part of the key
     * @throws io.drsuite.platform.problem.ProblemException 400 when the cursor holds no such key
     */
    public static <I> Keyset<I> after(PageRequest page, Function<String, I> id) {
        if (page.after() == null) {
            return null;
        }
        int separator = page.after().indexOf(SEPARATOR);
        if (separator < 0) {
            throw PageRequest.invalidCursor();
        }
        try {
            return new Keyset<>(Instant.parse(page.after().substring(0, separator)),
                    id.apply(page.after().substring(separator + 1)));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw PageRequest.invalidCursor();
        }
    }
}
