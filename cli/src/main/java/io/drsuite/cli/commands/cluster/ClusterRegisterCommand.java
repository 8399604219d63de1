package io.drsuite.cli.commands.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drsuite.cli.Cli;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import io.drsuite.cli.commands.SecretSource;
import io.drsuite.cli.config.Service;
import io.drsuite.cli.http.ApiPath;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code drctl cluster register}: adds a cluster to the suite's registry, described by {@code --node} flags or by a
 * JSON/YAML file shaped like the body of {@code POST /api/v1/clusters} (its passwords may be left out). Passwords
 * come from a file, a named environment variable or a prompt — never from a flag's value.
 */
@Command(name = "register", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Register a cluster: relationship-service connects to every node, discovers its version and "
                + "role, and stores the logins (passwords sealed, never shown again). Describe the nodes with "
                + "--node flags or give a JSON/YAML file shaped like the API's registration body.",
        footerHeading = "%nExamples:%n",
        footer = {"  drctl cluster register prod \\",
            "      --node name=prod-1,host=10.0.0.11,port=5432,data-directory=/var/lib/postgresql/17/main \\",
            "      --node name=prod-2,host=10.0.0.12,data-directory=/srv/pg,access=ssh,ssh-user=postgres,ssh-key=prod-2 \\",
            "      --admin-user drsuite_admin --admin-password-file ~/.secrets/prod-admin \\",
            "      --replication-user drsuite_repl --replication-password-env PROD_REPL_PASSWORD",
            "  drctl cluster register --file dr.yaml     (passwords not in the file are asked for)",
            "",
            "--node keys: name, host, port (5432), data-directory, access (local|ssh; local), os-user (postgres),",
            "  ssh-host (the host), ssh-port (22), ssh-user, ssh-key (a key name in the suite's key store).",
            "File (YAML or JSON): name, nodes[] {name, host, port, dataDirectory, access {kind, osUser | sshHost,",
            "  sshPort, sshUser, sshKeyRef}}, adminLogin {username[, password]}, replicationLogin {username[, password]}."})
public class ClusterRegisterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The cluster's name (with --file: overrides the "
            + "file's)")
    String name;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A JSON or YAML registration document")
    Path file;

    @Option(names = "--node", paramLabel = "KEY=VALUE,...", description = "A node (repeat for each node)")
    List<String> nodes;

    @Option(names = "--admin-user", paramLabel = "USER", description = "The admin (superuser) login's user name")
    String adminUser;

    @Option(names = "--admin-password-file", paramLabel = "FILE", description = "Its password: the file's first line")
    Path adminPasswordFile;

    @Option(names = "--admin-password-env", paramLabel = "VARIABLE",
            description = "Its password: this environment variable's value")
    String adminPasswordEnv;

    @Option(names = "--replication-user", paramLabel = "USER", description = "The replication login's user name")
    String replicationUser;

    @Option(names = "--replication-password-file", paramLabel = "FILE",
            description = "Its password: the file's first line")
    Path replicationPasswordFile;

    @Option(names = "--replication-password-env", paramLabel = "VARIABLE",
            description = "Its password: this environment variable's value")
    String replicationPasswordEnv;

    @Override
    public Integer call() {
        Cli cli = Cli.of(spec);
        ObjectNode registration = registration(cli.json(), file == null ? null : read(file), name, nodes,
                adminUser, replicationUser);
        password(cli, registration, "adminLogin", "the admin login's password", adminPasswordFile, adminPasswordEnv);
        password(cli, registration, "replicationLogin", "the replication login's password", replicationPasswordFile,
                replicationPasswordEnv);
        JsonNode registered = cli.client().post(Service.RELATIONSHIP, ApiPath.of("/api/v1/clusters"), registration);
        if (cli.printer().forPeople()) {
            cli.terminal().out().println(cli.terminal().green("Registered cluster " + registered.path("name")
                    .asText()) + " (PostgreSQL " + registered.path("serverVersion").asText() + ")");
        }
        ClusterDetails.print(cli.printer(), registered);
        return ExitCode.DONE;
    }

    /**
     * The registration body from the file's document (or nothing) and the flags, which take precedence; passwords
     * are left as the file gave them.
     */
    static ObjectNode registration(ObjectMapper json, JsonNode document, String name, List<String> nodes,
            String adminUser, String replicationUser) {
        ObjectNode registration = document == null ? json.createObjectNode() : document.deepCopy();
        if (name != null) {
            registration.put("name", name);
        }
        if (nodes != null && !nodes.isEmpty()) {
            if (registration.has("nodes")) {
                throw CliFailure.usage("give the nodes either in the file or with --node, not both");
            }
            ArrayNode list = registration.putArray("nodes");
            nodes.forEach(node -> list.add(json.valueToTree(NodeSpec.parse(node))));
        }
        login(registration, "adminLogin", adminUser);
        login(registration, "replicationLogin", replicationUser);
        if (!registration.hasNonNull("name")) {
            throw CliFailure.usage("which cluster? give its NAME (or \"name\" in the file)");
        }
        if (!registration.path("nodes").isArray() || registration.path("nodes").isEmpty()) {
            throw CliFailure.usage("no nodes: give --node name=...,host=...,data-directory=... (or \"nodes\" in the "
                    + "file)");
        }
        if (!registration.path("adminLogin").hasNonNull("username")) {
            throw CliFailure.usage("no admin login: give --admin-user USER (or adminLogin.username in the file)");
        }
        if (!registration.path("replicationLogin").hasNonNull("username")) {
            throw CliFailure.usage("no replication login: give --replication-user USER (or "
                    + "replicationLogin.username in the file)");
        }
        return registration;
    }

    private static void login(ObjectNode registration, String field, String user) {
        if (!registration.path(field).isObject()) {
            registration.putObject(field);
        }
        if (user != null) {
            ((ObjectNode) registration.get(field)).put("username", user);
        }
    }

    private static void password(Cli cli, ObjectNode registration, String field, String what, Path file,
            String variable) {
        ObjectNode login = (ObjectNode) registration.get(field);
        if (file != null || variable != null || !login.hasNonNull("password")) {
            login.put("password", SecretSource.read(cli, what + " (" + login.path("username").asText() + ")", file,
                    variable));
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (document == null || !document.isObject()) {
                throw CliFailure.usage(file + " does not hold a cluster registration (an object with name, nodes, "
                        + "adminLogin, replicationLogin)");
            }
            return document;
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + file + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
