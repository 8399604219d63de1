package io.drsuite.task.drill;

/**
 * One check of a drill and how it went.
 *
 * @param kind {@code connect}, {@code table} or {@code user}
 * @param detail what was found, in words (for a user check, the query's result)
 */
public record CheckOutcome(String name, String kind, boolean passed, String detail) {

    static CheckOutcome passed(String name, String kind, String detail) {
        return new CheckOutcome(name, kind, true, detail);
    }

    static CheckOutcome failed(String name, String kind, String detail) {
        return new CheckOutcome(name, kind, false, detail);
    }
}
