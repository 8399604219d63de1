package io.drsuite.task.drill;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.task.DrillTasks;
import java.util.List;
import java.util.Map;

/**
 * A read-only query the drill's owner expects a result of, run on the promoted copy: the first column of the first
 * row, as text ({@code true} / {@code false} for a boolean, {@code null} for no value), must equal {@code expected}.
 *
 * @param database where to run it; {@code postgres} when not given
 */
public record UserCheck(String name, String database, String sql, String expected) {

    /** The checks a drill task carries in {@link DrillTasks#USER_CHECKS}; none when it carries none. */
    static List<UserCheck> listOf(Map<String, String> parameters, ObjectMapper json) {
        String checks = parameters.get(DrillTasks.USER_CHECKS);
        if (checks == null || checks.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(checks, new TypeReference<List<UserCheck>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("parameter " + DrillTasks.USER_CHECKS + " is not a list of checks: "
                    + e.getOriginalMessage());
        }
    }

    public String databaseOrDefault() {
        return database == null || database.isBlank() ? "postgres" : database;
    }
}
