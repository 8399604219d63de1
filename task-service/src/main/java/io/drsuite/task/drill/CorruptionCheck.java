package io.drsuite.task.drill;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.host.CommandResult;
import io.drsuite.clusterclient.host.PassFile;
import io.drsuite.task.dr.NodeControl;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * {@code pg_amcheck} over the promoted copy: every table's heap and every B-tree index of every database, run on the
 * sandbox host. The copy is thrown away, so installing the {@code amcheck} extension in it is harmless.
 */
final class CorruptionCheck {

    static final String NAME = "pg_amcheck";
    private static final int DETAIL_LINES = 10;

    private CorruptionCheck() {
    }

    static CheckOutcome run(NodeControl copy, Login login, Duration timeout) {
        String passFile = copy.node().dataDirectory() + ".drsuite-pgpass";
        copy.files().write(passFile, PassFile.line(copy.node().endpoint(), login));
        CommandResult result;
        try {
            result = copy.node().executor().run(copy.node().tools().amcheck(copy.node().endpoint(),
                    login.username(), passFile), timeout);
        } finally {
            copy.files().remove(passFile);
        }
        if (result.succeeded()) {
            return CheckOutcome.passed(NAME, "amcheck", "no corruption found in any table or B-tree index");
        }
        String output = (result.stdout() + "\n" + result.stderr()).lines().filter(line -> !line.isBlank())
                .limit(DETAIL_LINES).collect(Collectors.joining("\n"));
        return CheckOutcome.failed(NAME, "amcheck", (result.exitCode() == 2 ? "corruption found: "
                : "pg_amcheck failed (exit " + result.exitCode() + "): ") + output);
    }
}
