package io.drsuite.cli;

import io.drsuite.cli.auth.LoginCommand;
import io.drsuite.cli.auth.LogoutCommand;
import io.drsuite.cli.auth.WhoamiCommand;
import io.drsuite.cli.commands.CompletionCommand;
import io.drsuite.cli.commands.TrainCommand;
import io.drsuite.cli.commands.audit.AuditCommand;
import io.drsuite.cli.commands.bin.BinCommand;
import io.drsuite.cli.commands.cluster.ClusterCommand;
import io.drsuite.cli.commands.drill.DrillCommand;
import io.drsuite.cli.commands.monitor.AlertsCommand;
import io.drsuite.cli.commands.node.NodeCommand;
import io.drsuite.cli.commands.pitr.PitrCommand;
import io.drsuite.cli.commands.pitr.RestorePointCommand;
import io.drsuite.cli.commands.pitr.WalArchiveCommand;
import io.drsuite.cli.commands.policy.PolicyCommand;
import io.drsuite.cli.commands.relationship.FailoverCommand;
import io.drsuite.cli.commands.relationship.ObjectivesCommand;
import io.drsuite.cli.commands.relationship.QueryCommand;
import io.drsuite.cli.commands.relationship.ReprotectCommand;
import io.drsuite.cli.commands.relationship.StartCommand;
import io.drsuite.cli.commands.relationship.StopCommand;
import io.drsuite.cli.commands.relationship.SwitchoverCommand;
import io.drsuite.cli.commands.routing.RoutingCommand;
import io.drsuite.cli.commands.snapshot.SnapshotCommand;
import io.drsuite.cli.commands.task.TaskCommand;
import io.drsuite.cli.http.HttpClients;
import io.drsuite.cli.output.OutputFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/** drctl: DR Suite from a terminal. One command per operation, for both clusters of a relationship at once. */
@Command(name = "drctl", mixinStandardHelpOptions = true, versionProvider = DrctlVersion.class,
        usageHelpAutoWidth = true, sortOptions = false,
        description = "DR Suite from a terminal: register clusters, start disaster recovery, watch its lag, switch "
                + "over, fail over, take and restore snapshots, archive WAL and restore to a point in time, bring back "
                + "dropped tables.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl login",
            "  drctl start --name shop --primary prod --dr dr --confirm-overwrite dr",
            "  drctl query shop --watch",
            "  drctl switchover shop",
            "  drctl task list -o json",
            "",
            "Exit codes: 0 done, 1 the operation failed, 2 usage error, 3 refused by the suite, 4 not signed in or "
                + "forbidden, 5 cannot reach the suite.",
            "Settings: flags, then DRCTL_* environment variables, then ~/.config/drctl/config, then the local suite."})
public class Drctl {

    /**
     * The commands, in the order of the help. Registered by {@link #commandLine} rather than in the annotation, so
     * that a run of one command builds only its own part of the tree (picocli reads every command's annotations
     * when it is registered, which costs most of the start).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(LoginCommand.class, LogoutCommand.class, WhoamiCommand.class,
            ClusterCommand.class, NodeCommand.class, RoutingCommand.class,
            StartCommand.class, QueryCommand.class, ObjectivesCommand.class, SwitchoverCommand.class,
            FailoverCommand.class, ReprotectCommand.class, StopCommand.class,
            TaskCommand.class, SnapshotCommand.class, PolicyCommand.class, WalArchiveCommand.class,
            RestorePointCommand.class, PitrCommand.class, DrillCommand.class, BinCommand.class,
            AlertsCommand.class, AuditCommand.class, CompletionCommand.class, TrainCommand.class,
            CommandLine.HelpCommand.class);
    /** Commands that need the whole tree: the help of another command, and the completion script of all. */
    private static final Set<String> WHOLE_TREE = Set.of("help", "completion", "train");

    @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "table (for people), json or yaml (the API's own documents, for scripts). Default: table")
    private OutputFormat output = OutputFormat.table;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colours (also: NO_COLOR=1)")
    private boolean noColour;

    @Option(names = "--relationship-url", paramLabel = "URL", description = "relationship-service (default "
            + "http://127.0.0.1:8081)")
    private String relationshipUrl;
    @Option(names = "--task-url", paramLabel = "URL", description = "task-service (default http://127.0.0.1:8082)")
    private String taskUrl;
    @Option(names = "--monitor-url", paramLabel = "URL", description = "monitor-service (default "
            + "http://127.0.0.1:8083)")
    private String monitorUrl;
    @Option(names = "--snapshot-url", paramLabel = "URL", description = "snapshot-service (default "
            + "http://127.0.0.1:8084)")
    private String snapshotUrl;
    @Option(names = "--recyclebin-url", paramLabel = "URL", description = "recyclebin-service (default "
            + "http://127.0.0.1:8085)")
    private String recyclebinUrl;
    @Option(names = "--issuer", paramLabel = "URL", description = "The OpenID provider's issuer (default "
            + "http://127.0.0.1:18180/realms/drsuite)")
    private String issuer;

    private Cli cli;

    public static void main(String[] args) {
        System.exit(run(System.getenv(), args));
    }

    /** Runs one command line; the exit code as documented in {@link ExitCode}. */
    public static int run(Map<String, String> environment, String... args) {
        Drctl root = new Drctl();
        root.cli = new Cli(root, environment);
        try {
            return commandLine(root, environment, args).execute(args);
        } finally {
            HttpClients.shutdownAll();
        }
    }

    /** The whole command tree. */
    static CommandLine commandLine(Drctl root, Map<String, String> environment) {
        return commandLine(root, environment, new String[0]);
    }

    /**
     * The tree {@code args} need: only the command they name (with all its subcommands) when they name one that does
     * not need the others, else the whole tree (the root's help and usage errors list every command).
     */
    static CommandLine commandLine(Drctl root, Map<String, String> environment, String[] args) {
        CommandLine commandLine = new CommandLine(root);
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> command : SUBCOMMANDS) {
            byName.put(command.getAnnotation(Command.class).name(), command);
        }
        Class<?> named = Arrays.stream(args).filter(byName::containsKey).findFirst()
                .filter(name -> !WHOLE_TREE.contains(name)).map(byName::get).orElse(null);
        for (Class<?> command : named == null ? SUBCOMMANDS : List.of(named)) {
            commandLine.addSubcommand(command);
        }
        boolean colour = environment.get("NO_COLOR") == null && !"dumb".equals(environment.get("TERM"));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(colour ? Ansi.AUTO : Ansi.OFF));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new FailureReporter());
        commandLine.setParameterExceptionHandler(new UsageErrorReporter());
        return commandLine;
    }

    Cli cli() {
        return cli;
    }

    OutputFormat output() {
        return output;
    }

    boolean noColour() {
        return noColour;
    }

    Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        putIfSet(flags, "relationship-url", relationshipUrl);
        putIfSet(flags, "task-url", taskUrl);
        putIfSet(flags, "monitor-url", monitorUrl);
        putIfSet(flags, "snapshot-url", snapshotUrl);
        putIfSet(flags, "recyclebin-url", recyclebinUrl);
        putIfSet(flags, "issuer", issuer);
        return flags;
    }

    private static void putIfSet(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }
}
