package io.drsuite.relationship.drill;

/**
 * One check's outcome as the drill task reports it.
 *
 * @param kind {@code connect}, {@code table} or {@code user}
 * @param detail what was found, e.g. {@code expected true, got false}
 */
public record CheckOutcome(String name, String kind, boolean passed, String detail) {
}
