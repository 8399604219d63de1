package io.drsuite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command tree as picocli sees it: usage errors, help with examples, completion. */
class CommandLineTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        Drctl root = new Drctl();
        Map<String, String> environment = Map.of("NO_COLOR", "1");
        try {
            // as Drctl.run does it, with the output to this test
            Field cli = Drctl.class.getDeclaredField("cli");
            cli.setAccessible(true);
            cli.set(root, new Cli(root, environment));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        CommandLine commandLine = Drctl.commandLine(root, environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithASuggestionAndWhereHelpIs() {
        assertThat(run("login", "--usrname", "operator")).isEqualTo(ExitCode.USAGE);

        assertThat(err.toString()).startsWith("drctl: Unknown options: '--usrname', 'operator'")
                .contains("--username").contains("See 'drctl login --help'.").doesNotContain("\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandAndABadFormatAreUsageErrors() {
        assertThat(run("qurey")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Unmatched argument at index 0: 'qurey'", "query");

        assertThat(run("-o", "xml", "whoami")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Invalid value for option '--output'");
    }

    @Test
    void loginOptionsThatDoNotGoTogetherAreUsageErrors() {
        assertThat(run("login", "--username", "a", "--client-credentials")).isEqualTo(ExitCode.USAGE);
        assertThat(run("login", "--password-stdin")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--password-stdin and --password-file go with --username");
        assertThat(run("login", "--username", "a", "--password-stdin", "--password-file", "f"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run("login", "--client-secret-file", "f")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aGroupWithoutItsCommandIsAUsageError() {
        assertThat(run("cluster")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required subcommand");
    }

    /** Commands not written yet are left out until they are; then every command is checked. */
    @Test
    void everyCommandHasHelpWithExamples() {
        List<String> missing = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>();
        collect(Drctl.commandLine(new Drctl(), Map.of()), commands);
        for (CommandLine command : commands) {
            CommandLine.Model.CommandSpec spec = command.getCommandSpec();
            if (spec.usageMessage().hidden() || String.join("", spec.usageMessage().description())
                    .contains("(not written yet)")) {
                continue;
            }
            String qualified = spec.qualifiedName();
            List<String> args = new ArrayList<>(List.of(qualified.split(" ")).subList(1, qualified.split(" ").length));
            args.add("--help");
            out.getBuffer().setLength(0);
            if (run(args.toArray(String[]::new)) != ExitCode.DONE || !out.toString().contains("Examples:")) {
                missing.add(qualified);
            }
        }
        assertThat(commands).hasSizeGreaterThan(10);
        assertThat(missing).as("commands whose --help has no examples").isEmpty();
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        if (command.getCommandName().equals("help")) {
            return;
        }
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    @Test
    void theBashCompletionNamesTheCommandsButNotTheHiddenOne() {
        assertThat(run("completion", "bash")).isEqualTo(ExitCode.DONE);

        assertThat(out.toString()).contains("complete -F _complete_drctl", "login", "logout", "whoami", "query",
                "switchover", "snapshot").doesNotContain(" train");
    }
}
