package io.drsuite.task.drill;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.clusterclient.sql.NodeSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checks run on the promoted copy over SQL: it accepts connections as a primary; every table has the row count
 * and checksum the DR main standby had at the data point; each user check's query gives its expected result, run in
 * a read-only transaction with a time limit. ({@link CorruptionCheck} adds {@code pg_amcheck}.)
 */
final class DrillChecks {

    private static final String USER_CHECK_TIMEOUT = "30s";
    private static final int RESULT_LIMIT = 200;

    private final NodeConnector connector;

    DrillChecks(NodeConnector connector) {
        this.connector = connector;
    }

    List<CheckOutcome> run(NodeEndpoint copy, Login login, TableChecksums checksums, List<TableChecksum> source,
            List<UserCheck> userChecks) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        try (NodeSession session = connector.open(copy, login)) {
            if (session.inRecovery()) {
                outcomes.add(CheckOutcome.failed("copy-accepts-writes", "connect", "the copy is still in recovery"));
                return outcomes;
            }
            outcomes.add(CheckOutcome.passed("copy-accepts-writes", "connect",
                    "the promoted copy accepts connections as a primary on timeline " + session.timeline()));
        } catch (SQLException e) {
            outcomes.add(CheckOutcome.failed("copy-accepts-writes", "connect", "cannot connect: " + e.getMessage()));
            return outcomes;
        }
        outcomes.addAll(tables(copy, login, checksums, source));
        userChecks.forEach(check -> outcomes.add(user(copy, login, check)));
        return outcomes;
    }

    /** On a primary that is no copy (a round trip's new primary): it accepts connections as one, and the user checks. */
    List<CheckOutcome> onPrimary(NodeEndpoint node, Login login, List<UserCheck> userChecks) {
        List<CheckOutcome> outcomes = new ArrayList<>();
        try (NodeSession session = connector.open(node, login)) {
            outcomes.add(session.inRecovery()
                    ? CheckOutcome.failed("accepts-writes", "connect", node + " is in recovery")
                    : CheckOutcome.passed("accepts-writes", "connect", node + " accepts connections as a primary on "
                            + "timeline " + session.timeline()));
        } catch (SQLException e) {
            outcomes.add(CheckOutcome.failed("accepts-writes", "connect", "cannot connect: " + e.getMessage()));
            return outcomes;
        }
        userChecks.forEach(check -> outcomes.add(user(node, login, check)));
        return outcomes;
    }

    private List<CheckOutcome> tables(NodeEndpoint copy, Login login, TableChecksums checksums,
            List<TableChecksum> source) {
        List<TableChecksum> read;
        try {
            read = checksums.read(copy, login);
        } catch (SQLException e) {
            return List.of(CheckOutcome.failed("tables", "table", "cannot read the copy's tables: " + e.getMessage()));
        }
        Map<String, TableChecksum> onCopy = read.stream()
                .collect(Collectors.toMap(TableChecksum::key, Function.identity()));
        List<CheckOutcome> outcomes = new ArrayList<>();
        for (TableChecksum expected : source) {
            TableChecksum found = onCopy.remove(expected.key());
            String scope = expected.sampled() ? "checksum of a sample of its pages" : "checksum";
            if (found == null) {
                outcomes.add(CheckOutcome.failed(expected.key(), "table", "missing on the copy"));
            } else if (found.rows() != expected.rows()) {
                outcomes.add(CheckOutcome.failed(expected.key(), "table", found.rows() + " rows on the copy, "
                        + expected.rows() + " on the DR main standby at the data point"));
            } else if (!Objects.equals(found.checksum(), expected.checksum())) {
                outcomes.add(CheckOutcome.failed(expected.key(), "table", expected.rows() + " rows on both, but the "
                        + scope + " differs"));
            } else {
                outcomes.add(CheckOutcome.passed(expected.key(), "table", expected.rows() + " rows, " + scope
                        + " equal to the DR main standby's at the data point"));
            }
        }
        onCopy.values().forEach(extra -> outcomes.add(CheckOutcome.failed(extra.key(), "table",
                "on the copy but not on the DR main standby at the data point")));
        return outcomes;
    }

    private CheckOutcome user(NodeEndpoint copy, Login login, UserCheck check) {
        try (NodeSession session = connector.open(copy, login, check.databaseOrDefault())) {
            Connection connection = session.connection();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction read only");
                statement.execute("set local statement_timeout = '" + USER_CHECK_TIMEOUT + "'");
                try (ResultSet rows = statement.executeQuery(check.sql())) {
                    String result = rows.next() ? text(rows.getObject(1)) : "no rows";
                    boolean passed = result.equals(check.expected());
                    return new CheckOutcome(check.name(), "user", passed, (passed ? "returned " : "expected "
                            + check.expected() + ", got ") + result);
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            return CheckOutcome.failed(check.name(), "user", "the query failed: " + e.getMessage());
        }
    }

    private static String text(Object value) {
        String text = value == null ? "null" : value.toString();
        return text.length() > RESULT_LIMIT ? text.substring(0, RESULT_LIMIT) + "…" : text;
    }
}
