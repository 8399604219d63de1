package io.drsuite.platform.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The JPQL of one page of a list ordered by a moment and then an id: the list's filters, the condition that starts
 * the page after the previous one ({@link Keyset}), and the order, every value a bound parameter. Field names are
 * the caller's constants, never input. Read {@code limit + 1} rows with it and cut them with {@link Page#of}.
 */
public final class KeysetQuery {

    private final String atField;
    private final String idField;
    private final boolean newestFirst;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private KeysetQuery(String atField, String idField, boolean newestFirst) {
        this.atField = atField;
        this.idField = idField;
        this.newestFirst = newestFirst;
    }

    /** Ordered {@code <at> desc, <id> desc}. */
    public static KeysetQuery newestFirst(String atField, String idField) {
        return new KeysetQuery(atField, idField, true);
    }

    /** Ordered {@code <at>, <id>}. */
    public static KeysetQuery oldestFirst(String atField, String idField) {
        return new KeysetQuery(atField, idField, false);
    }

    /** Only items whose field equals the value, bound as {@code :<field>}; no condition when the value is null. */
    public KeysetQuery whereEqual(String field, Object value) {
        return value == null ? this : where(field + " = :" + field, field, value);
    }

    /** Only items that meet the condition, which names one parameter. */
    public KeysetQuery where(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
        return this;
    }

    /** Only the items after this position; the whole list from its start when it is null. */
    public KeysetQuery after(Keyset<?> position) {
        if (position == null) {
            return this;
        }
        String beyond = newestFirst ? " < " : " > ";
        conditions.add("(" + atField + beyond + ":afterAt or (" + atField + " = :afterAt and " + idField + beyond
                + ":afterId))");
        parameters.put("afterAt", position.at());
        parameters.put("afterId", position.id());
        return this;
    }

    public String jpql() {
        String direction = newestFirst ? " desc" : "";
        return (conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ") + "order by " + atField
                + direction + ", " + idField + direction;
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
