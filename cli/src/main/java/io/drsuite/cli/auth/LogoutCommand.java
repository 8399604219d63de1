package io.drsuite.cli.auth;

import io.drsuite.cli.Cli;
import io.drsuite.cli.ExitCode;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drctl logout}: revokes the refresh token where the provider allows it and removes the cached sign-in. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = "Sign out: forget the cached tokens.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl logout", "", "The refresh token is revoked at the identity provider where it allows it; "
            + "the session file is removed."})
public class LogoutCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        SessionStore sessions = cli.sessions();
        sessions.load().ifPresent(session -> new OidcClient(URI.create(session.issuer()), session.clientId(),
                cli.json()).revoke(session));
        boolean was = sessions.forget();
        cli.terminal().err().println(was ? "Signed out." : "Not signed in.");
        return ExitCode.DONE;
    }
}
