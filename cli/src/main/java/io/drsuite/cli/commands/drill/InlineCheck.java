package io.drsuite.cli.commands.drill;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user check given on the command line as {@code NAME|EXPECTED|SQL}: the SQL comes last, so it may hold any
 * character, {@code |} included.
 */
final class InlineCheck {

    private InlineCheck() {
    }

    static Map<String, Object> parse(String given, String database) {
        String[] parts = given.split("\\|", 3);
        if (parts.length < 3 || parts[0].isBlank() || parts[2].isBlank()) {
            throw new CliFailure(ExitCode.USAGE, "a check is NAME|EXPECTED|SQL, e.g. "
                    + "'orders_today|true|select count(*) > 0 from orders'; got '" + given + "'");
        }
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", parts[0].strip());
        if (database != null) {
            check.put("database", database);
        }
        check.put("sql", parts[2].strip());
        check.put("expected", parts[1]);
        return check;
    }
}
