package io.drsuite.cli.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.output.Column;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code drctl whoami}: who is signed in, with which roles, at which provider, until when. Never the token. */
@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show who is signed in and their roles.")
public class WhoamiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        Session session = cli.sessions().load()
                .orElseThrow(() -> CliFailure.notSignedIn("not signed in: run drctl login"));
        TokenClaims claims = TokenClaims.of(session.accessToken(), cli.json());
        ObjectNode view = cli.json().createObjectNode()
                .put("user", claims.user())
                .put("issuer", session.issuer())
                .put("clientId", session.clientId())
                .put("grant", session.grant())
                .put("accessExpiresAt", String.valueOf(session.accessExpiresAt()))
                .put("refreshExpiresAt", session.refreshExpiresAt() == null ? null
                        : session.refreshExpiresAt().toString());
        var roles = view.putArray("roles");
        claims.roles().forEach(roles::add);
        cli.printer().object(view, List.of(Column.of("User", "user"),
                Column.of("Roles", "roles"), Column.of("Issuer", "issuer"), Column.of("Client", "clientId"),
                Column.of("Signed in with", "grant"), Column.of("Access token until", "accessExpiresAt"),
                Column.of("Session until", "refreshExpiresAt")));
        return ExitCode.DONE;
    }
}
