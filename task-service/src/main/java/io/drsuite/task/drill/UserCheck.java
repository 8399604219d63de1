package io.drsuite.task.drill;

/**
 * A read-only query the drill's owner expects a result of, run on the promoted copy: the first column of the first
 * row, as text ({@code true} / {@code false} for a boolean, {@code null} for no value), must equal {@code expected}.
 *
 * @param database where to run it; {@code postgres} when not given
 */
public record UserCheck(String name, String database, String sql, String expected) {

    public String databaseOrDefault() {
        return database == null || database.isBlank() ? "postgres" : database;
    }
}
