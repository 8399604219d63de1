package io.drsuite.cli.auth;

import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.SecretSource;
import io.drsuite.cli.output.Terminal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drctl login}: signs in at the suite's OpenID provider and caches the tokens (mode 600). By default with the
 * device authorization grant: drctl prints a URL and a code, the user approves in any browser. {@code --username}
 * uses the password grant (the demo realm's users), {@code --client-credentials} a service account for automation.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Sign in. By default: open the printed URL in a browser and enter the code shown.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl login",
            "  drctl login --username operator               (the password is asked for)",
            "  drctl login --username operator --password-stdin < pw.txt",
            "  drctl login --client-credentials --client-secret-file secret.txt",
            "  export DRCTL_CLIENT_SECRET=\"$(cat secret.txt)\"; drctl login --client-credentials",
            "",
            "The session is kept in ~/.config/drctl/session.json (mode 600) and renewed as needed; a service "
                + "account's session is renewed with DRCTL_CLIENT_SECRET when it is set."})
public class LoginCommand implements Callable<Integer> {

    static final String AUTOMATION_CLIENT = "drsuite-automation";
    static final String CLIENT_SECRET_VARIABLE = "DRCTL_CLIENT_SECRET";

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true)
    Grant grant = new Grant();

    @Option(names = "--password-stdin", description = "With --username: read the password from stdin")
    boolean passwordFromStdin;

    @Option(names = "--password-file", paramLabel = "FILE", description = "With --username: read the password "
            + "from this file")
    Path passwordFile;

    @Option(names = "--client-id", paramLabel = "ID", description = "The OpenID client (default drsuite-cli; "
            + "with --client-credentials drsuite-automation)")
    String clientId;

    @Option(names = "--client-secret-file", paramLabel = "FILE", description = "With --client-credentials: the "
            + "secret from this file (else DRCTL_CLIENT_SECRET, else a prompt)")
    Path clientSecretFile;

    static class Grant {
        @Option(names = "--username", paramLabel = "USER", description = "Sign in with a user name and password")
        String username;

        @Option(names = "--client-credentials", description = "Sign in as a service account (automation)")
        boolean clientCredentials;
    }

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        checkOptions();
        Terminal terminal = cli.terminal();
        Session session;
        if (grant.clientCredentials) {
            OidcClient oidc = cli.oidc(clientId == null ? AUTOMATION_CLIENT : clientId);
            String fromEnvironment = cli.environment().get(CLIENT_SECRET_VARIABLE);
            String secret = clientSecretFile == null && fromEnvironment != null && !fromEnvironment.isBlank()
                    ? fromEnvironment
                    : SecretSource.read(cli, "the client secret", clientSecretFile, null);
            session = oidc.clientCredentials(secret.trim());
        } else if (grant.username != null) {
            OidcClient oidc = cli.oidc(clientId == null ? cli.settings().clientId() : clientId);
            char[] password = passwordFromStdin ? passwordFromStdin(terminal)
                    : SecretSource.read(cli, "the password of " + grant.username, passwordFile, null).toCharArray();
            session = oidc.password(grant.username, password);
        } else {
            session = deviceSignIn(cli, cli.oidc(clientId == null ? cli.settings().clientId() : clientId));
        }
        cli.sessions().save(session);
        TokenClaims claims = TokenClaims.of(session.accessToken(), cli.json());
        terminal.err().println("Signed in to " + cli.settings().issuer() + " as " + terminal.bold(claims.user())
                + " (roles: " + (claims.roles().isEmpty() ? "none of the suite's" : String.join(", ", claims.roles()))
                + ").");
        return ExitCode.DONE;
    }

    private void checkOptions() {
        if (passwordFromStdin && passwordFile != null) {
            throw CliFailure.usage("--password-stdin and --password-file exclude each other");
        }
        if ((passwordFromStdin || passwordFile != null) && grant.username == null) {
            throw CliFailure.usage("--password-stdin and --password-file go with --username");
        }
        if (clientSecretFile != null && !grant.clientCredentials) {
            throw CliFailure.usage("--client-secret-file goes with --client-credentials");
        }
    }

    /** The first line of stdin, as {@code docker login --password-stdin} reads it. */
    private static char[] passwordFromStdin(Terminal terminal) {
        String line = terminal.readLine("");
        if (line == null || line.isEmpty()) {
            throw CliFailure.usage("--password-stdin: no password on stdin");
        }
        return line.toCharArray();
    }

    private static Session deviceSignIn(Cli cli, OidcClient oidc) {
        Terminal terminal = cli.terminal();
        OidcClient.DeviceAuthorization device = oidc.startDeviceAuthorization();
        terminal.err().println("To sign in, open " + terminal.bold(device.verificationUri()) + " in a browser and "
                + "enter the code " + terminal.bold(device.userCode()));
        if (device.verificationUriComplete() != null) {
            terminal.err().println("  (or open " + device.verificationUriComplete() + ")");
        }
        terminal.err().println("Waiting for the sign-in to be approved...");
        Duration interval = device.interval();
        while (Instant.now().isBefore(device.expiresAt())) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliFailure(ExitCode.DETACHED, "sign-in interrupted");
            }
            OidcClient.DevicePoll poll = oidc.pollDeviceAuthorization(device, interval);
            if (poll.session() != null) {
                return poll.session();
            }
            interval = poll.interval();
        }
        throw CliFailure.notSignedIn("the code expired before the sign-in was approved: run drctl login again");
    }
}
