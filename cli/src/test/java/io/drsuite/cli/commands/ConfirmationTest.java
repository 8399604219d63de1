package io.drsuite.cli.commands;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.output.Terminal;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ConfirmationTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Terminal answering(String input) {
        return new Terminal(new PrintStream(new ByteArrayOutputStream(), true, UTF_8), new PrintStream(err, true,
                UTF_8), false, false, 100, new BufferedReader(new StringReader(input)));
    }

    @Test
    void typingTheNameGoesOn() {
        assertThatNoException().isThrownBy(() -> Confirmation.require(answering(" shop \n"), false,
                "This promotes dr and ends the relationship shop.", "shop"));

        assertThat(err.toString(UTF_8)).isEqualTo("This promotes dr and ends the relationship shop.\n"
                + "Type the name 'shop' to go on (or use --yes): ");
    }

    @Test
    void yesAsksNothing() {
        assertThatNoException().isThrownBy(() -> Confirmation.require(answering(""), true, "x", "shop"));
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void anythingElseOrNoAnswerDoesNothingAndIsAUsageError() {
        for (String input : new String[] {"yes\n", "SHOP\n", "", "\n"}) {
            assertThatThrownBy(() -> Confirmation.require(answering(input), false, "x", "shop"))
                    .isInstanceOfSatisfying(CliFailure.class, failure -> {
                        assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
                        assertThat(failure.getMessage()).isEqualTo("not confirmed; nothing was done");
                    });
        }
    }
}
