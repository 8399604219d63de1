package io.drsuite.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.drsuite.cli.auth.Credentials;
import io.drsuite.cli.auth.OidcClient;
import io.drsuite.cli.auth.SessionStore;
import io.drsuite.cli.config.Settings;
import io.drsuite.cli.http.SuiteClient;
import io.drsuite.cli.output.Printer;
import io.drsuite.cli.output.Terminal;
import io.drsuite.cli.task.TaskWatcher;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What every command works with, made once per run from the root command's options: settings, the terminal, the
 * printer for {@code -o}, the signed-in client of the suite, and the task watcher.
 */
public final class Cli {

    private final Drctl root;
    private final Map<String, String> environment;
    private Settings settings;
    private Terminal terminal;
    private ObjectMapper json;
    private Credentials credentials;
    private SuiteClient client;

    Cli(Drctl root, Map<String, String> environment) {
        this.root = root;
        this.environment = environment;
    }

    /** The context of the command being run. */
    public static Cli of(CommandSpec spec) {
        return ((Drctl) spec.root().userObject()).cli();
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Settings settings() {
        if (settings == null) {
            settings = Settings.resolve(root.flags(), environment);
        }
        return settings;
    }

    public Terminal terminal() {
        if (terminal == null) {
            terminal = Terminal.system(environment, root.noColour());
        }
        return terminal;
    }

    public ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
        return json;
    }

    public Printer printer() {
        return new Printer(terminal(), root.output(), json());
    }

    public SessionStore sessions() {
        return new SessionStore(settings().configDirectory(), json());
    }

    public OidcClient oidc(String clientId) {
        return new OidcClient(settings().issuer(), clientId, json());
    }

    /** The access token of the requests: the cached session's, renewed as needed, or {@code DRCTL_TOKEN}. */
    public Credentials credentials() {
        if (credentials == null) {
            credentials = new Credentials(sessions(), settings().issuer(),
                    (issuer, clientId) -> new OidcClient(issuer, clientId, json()), environment, Clock.systemUTC());
        }
        return credentials;
    }

    public SuiteClient client() {
        if (client == null) {
            client = new SuiteClient(settings(), credentials(), json());
        }
        return client;
    }

    public TaskWatcher tasks() {
        return new TaskWatcher(client(), terminal(), printer());
    }
}
