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
@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Show who is signed in and their roles.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl whoami", "  drctl whoami -o json | jq -r .user",
            "", "Exit code 4 when nobody is signed in or the session can no longer be renewed."})
public class WhoamiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        // renews the session when its access token is about to expire, and fails as every command would
        String accessToken = cli.credentials().accessToken();
        Session session = cli.credentials().given()
                ? new Session(cli.settings().issuer().toString(), null, null, Credentials.TOKEN_VARIABLE, accessToken,
                        null, null, null)
                : cli.sessions().load().orElseThrow(() -> CliFailure.notSignedIn("not signed in: run drctl login"));
        TokenClaims claims = TokenClaims.of(accessToken, cli.json());
        ObjectNode view = cli.json().createObjectNode()
                .put("user", claims.user())
                .put("issuer", session.issuer())
                .put("clientId", session.clientId())
                .put("grant", session.grant())
                .put("accessExpiresAt", session.accessExpiresAt() == null ? null
                        : session.accessExpiresAt().toString())
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
