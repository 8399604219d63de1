package io.drsuite.system;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.drsuite.system.DrctlProcess.Result;
import io.drsuite.system.DrctlProcess.Running;
import io.drsuite.testing.DeviceFlowApproval;
import io.drsuite.testing.RepositoryRoot;
import io.drsuite.testing.SignedIn;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Signing in with the real drctl against the real services and the tests' Keycloak: a demo user's password from
 * stdin, the device flow approved as a browser would, a service account; the session file kept private and renewed
 * when its access token runs out; logout; and what drctl answers when nobody is signed in, the role does not allow
 * it, the suite is down or the command line is wrong. Also the shell completion and every command's help. No
 * database clusters are needed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DrctlSignInSystemTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration DEVICE_SIGN_IN = Duration.ofSeconds(90);

    private final Suite suite = Suite.get();
    /** Everything drctl printed in this class, checked for secrets at the end. */
    private final List<Result> printed = new ArrayList<>();
    private final Set<String> secrets = new LinkedHashSet<>();
    private DrctlProcess operator;

    private Result run(DrctlProcess drctl, String... args) {
        Result result = drctl.run(args);
        printed.add(result);
        return result;
    }

    @Test
    @Order(1)
    void aDemoUserSignsInWithThePasswordOnStdinAndTheSessionFileIsPrivate() throws IOException {
        operator = DrctlProcess.signedOut(suite);
        String password = SignedIn.demoPassword(SignedIn.OPERATOR);
        secrets.add(password);

        Result login = operator.runWithInput(password + "\n", "login", "--username", "operator", "--password-stdin");
        printed.add(login);

        assertThat(login.exitCode()).as(login.toString()).isZero();
        assertThat(login.stderr()).contains("Signed in to ").contains(" as operator (roles: ");
        Result whoami = run(operator, "whoami", "-o", "json");
        assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
        assertThat(whoami.json().getString("user")).isEqualTo("operator");
        assertThat(whoami.json().getList("roles", String.class)).containsExactlyInAnyOrder("viewer", "operator");
        assertThat(whoami.json().getString("grant")).isEqualTo("password");

        Path session = operator.configDirectory().resolve("session.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(operator.configDirectory())))
                .isEqualTo("rwx------");
        ObjectNode cached = (ObjectNode) JSON.readTree(session.toFile());
        secrets.add(cached.get("accessToken").asText());
        secrets.add(cached.get("refreshToken").asText());

        Result read = run(operator, "-o", "json", "task", "list");
        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(List.of(login, whoami, read)).allSatisfy(result -> assertThat(result.stdout() + result.stderr())
                .doesNotContain(secrets));
    }

    @Test
    @Order(2)
    void anExpiredAccessTokenIsRenewedWithTheRefreshTokenWithoutTheUserNoticing() throws IOException {
        Path session = operator.configDirectory().resolve("session.json");
        ObjectNode cached = (ObjectNode) JSON.readTree(session.toFile());
        String expiredToken = cached.get("accessToken").asText();
        cached.put("accessExpiresAt", Instant.now().minusSeconds(60).toString());
        Files.writeString(session, JSON.writeValueAsString(cached));

        Result read = run(operator, "-o", "json", "task", "list");

        assertThat(read.exitCode()).as(read.toString()).isZero();
        assertThat(read.stderr()).isEmpty();
        ObjectNode renewed = (ObjectNode) JSON.readTree(session.toFile());
        assertThat(renewed.get("accessToken").asText()).isNotEqualTo(expiredToken);
        assertThat(Instant.parse(renewed.get("accessExpiresAt").asText())).isAfter(Instant.now().plusSeconds(60));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(session))).isEqualTo("rw-------");
        secrets.add(renewed.get("accessToken").asText());
        secrets.add(renewed.get("refreshToken").asText());
    }

    @Test
    @Order(3)
    void aSessionPastItsRefreshTokenMeansSigningInAgain() throws IOException {
        DrctlProcess drctl = DrctlProcess.signedInAs(suite, SignedIn.VIEWER);
        Path session = drctl.configDirectory().resolve("session.json");
        ObjectNode cached = (ObjectNode) JSON.readTree(session.toFile());
        cached.put("accessExpiresAt", Instant.now().minusSeconds(600).toString());
        cached.put("refreshExpiresAt", Instant.now().minusSeconds(60).toString());
        Files.writeString(session, JSON.writeValueAsString(cached));

        Result read = run(drctl, "-o", "json", "task", "list");

        assertThat(read.exitCode()).as(read.toString()).isEqualTo(4);
        assertThat(read.stderr()).isEqualTo("drctl: the session has expired: run drctl login\n");
        assertThat(read.stdout()).isEmpty();
    }

    @Test
    @Order(4)
    void theDeviceFlowIsApprovedInABrowserAndDrctlIsSignedInAsThatUser() throws Exception {
        DrctlProcess drctl = DrctlProcess.signedOut(suite);
        secrets.add(SignedIn.demoPassword(SignedIn.VIEWER));
        Running login = drctl.start("login");

        Matcher prompt = login.awaitLine(Pattern.compile("open (\\S+) in a browser and enter the code (\\S+)"),
                Duration.ofSeconds(30));
        String verificationUri = prompt.group(1);
        String userCode = prompt.group(2);
        assertThat(verificationUri).endsWith("/realms/drsuite/device");
        assertThat(userCode).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(DeviceFlowApproval.approve(verificationUri, userCode, SignedIn.VIEWER).getPath())
                .endsWith("/device/status");
        Result signedIn = login.finish(DEVICE_SIGN_IN);
        printed.add(signedIn);

        assertThat(signedIn.exitCode()).as(signedIn.toString()).isZero();
        assertThat(signedIn.stderr()).contains("Waiting for the sign-in to be approved...",
                " as viewer (roles: viewer)");
        Result whoami = run(drctl, "whoami", "-o", "json");
        assertThat(whoami.exitCode()).as(whoami.toString()).isZero();
        assertThat(whoami.json().getString("user")).isEqualTo("viewer");
        assertThat(whoami.json().getString("grant")).isEqualTo("device");
        assertThat(whoami.json().getList("roles", String.class)).containsExactly("viewer");
        secrets.add(JSON.readTree(drctl.configDirectory().resolve("session.json").toFile()).get("accessToken")
                .asText());

        // the viewer reads, but an operator's action is forbidden: exit 4 with the reason
        Result read = run(drctl, "-o", "json", "task", "list");
        assertThat(read.exitCode()).as(read.toString()).isZero();
        Result cancel = run(drctl, "-o", "json", "task", "cancel", UUID.randomUUID().toString());
        assertThat(cancel.exitCode()).as(cancel.toString()).isEqualTo(4);
        assertThat(cancel.stderr()).startsWith("drctl: forbidden: ").contains("drctl whoami")
                .doesNotContain("\tat ", "Exception");
        assertThat(cancel.stderr().lines()).hasSize(1);
        assertThat(cancel.stdout()).isEmpty();
    }

    @Test
    @Order(5)
    void aServiceAccountSignsInWithClientCredentialsAndReads() throws IOException {
        String secret = SignedIn.automationClientSecret();
        secrets.add(secret);
        DrctlProcess drctl = DrctlProcess.signedOut(suite).with("DRCTL_CLIENT_SECRET", secret);

        Result login = run(drctl, "login", "--client-credentials");

        assertThat(login.exitCode()).as(login.toString()).isZero();
        Result whoami = run(drctl, "whoami", "-o", "json");
        assertThat(whoami.json().getString("user")).isEqualTo("service-account-drsuite-automation");
        assertThat(whoami.json().getString("clientId")).isEqualTo("drsuite-automation");
        assertThat(whoami.json().getList("roles", String.class)).contains("viewer", "operator");
        Result read = run(drctl, "-o", "json", "task", "list");
        assertThat(read.exitCode()).as(read.toString()).isZero();

        // its token has no refresh token: once expired it is renewed with the secret again
        Path session = drctl.configDirectory().resolve("session.json");
        ObjectNode cached = (ObjectNode) JSON.readTree(session.toFile());
        secrets.add(cached.get("accessToken").asText());
        cached.put("accessExpiresAt", Instant.now().minusSeconds(60).toString());
        Files.writeString(session, JSON.writeValueAsString(cached));
        assertThat(run(drctl, "-o", "json", "task", "list").exitCode()).isZero();
        Result withoutSecret = run(drctl.with("DRCTL_CLIENT_SECRET", null), "-o", "json", "task", "list");
        assertThat(withoutSecret.exitCode()).isZero();
        cached = (ObjectNode) JSON.readTree(session.toFile());
        secrets.add(cached.get("accessToken").asText());
        cached.put("accessExpiresAt", Instant.now().minusSeconds(60).toString());
        Files.writeString(session, JSON.writeValueAsString(cached));
        Result expired = run(drctl, "-o", "json", "task", "list");
        assertThat(expired.exitCode()).isEqualTo(4);
        assertThat(expired.stderr()).contains("set DRCTL_CLIENT_SECRET to renew it");
    }

    @Test
    @Order(6)
    void logoutForgetsTheSessionAndThenNothingIsSignedIn() {
        Path session = operator.configDirectory().resolve("session.json");

        Result logout = run(operator, "logout");

        assertThat(logout.exitCode()).as(logout.toString()).isZero();
        assertThat(logout.stderr()).isEqualTo("Signed out.\n");
        assertThat(session).doesNotExist();
        Result after = run(operator, "-o", "json", "task", "list");
        assertThat(after.exitCode()).isEqualTo(4);
        assertThat(after.stderr()).isEqualTo("drctl: not signed in: run drctl login\n");
        Result whoami = run(operator, "whoami");
        assertThat(whoami.exitCode()).isEqualTo(4);
        assertThat(run(operator, "logout").stderr()).isEqualTo("Not signed in.\n");
    }

    @Test
    @Order(7)
    void nobodySignedInIsExitFour() {
        DrctlProcess nobody = DrctlProcess.signedOut(suite);

        Result query = run(nobody, "query");

        assertThat(query.exitCode()).as(query.toString()).isEqualTo(4);
        assertThat(query.stderr()).isEqualTo("drctl: not signed in: run drctl login\n");
    }

    @Test
    @Order(8)
    void theSuiteDownIsExitFiveInOneLine() throws IOException {
        DrctlProcess drctl = DrctlProcess.signedInAs(suite, SignedIn.VIEWER);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        Result query = run(drctl.with("DRCTL_RELATIONSHIP_URL", "http://127.0.0.1:" + closed), "query");

        assertThat(query.exitCode()).as(query.toString()).isEqualTo(5);
        assertThat(query.stderr().lines()).singleElement().asString()
                .startsWith("drctl: cannot reach relationship-service at http://127.0.0.1:" + closed);
        assertThat(query.stderr()).doesNotContain("\tat ", "Exception");
        assertThat(query.stdout()).isEmpty();
    }

    @Test
    @Order(9)
    void aWrongCommandLineIsExitTwo() {
        DrctlProcess drctl = DrctlProcess.signedOut(suite);

        Result unknownOption = run(drctl, "login", "--pasword-stdin");
        Result badFormat = run(drctl, "-o", "xml", "whoami");
        Result badUrl = run(drctl.with("DRCTL_TASK_URL", "localhost:8082"), "login", "--username", "x",
                "--password-stdin");

        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.stderr()).startsWith("drctl: Unknown option: '--pasword-stdin'")
                .contains("--password-stdin", "See 'drctl login --help'.").doesNotContain("\tat ");
        assertThat(badFormat.exitCode()).isEqualTo(2);
        assertThat(badFormat.stderr()).contains("Invalid value for option '--output'");
        assertThat(badUrl.exitCode()).isEqualTo(2);
        assertThat(badUrl.stderr()).isEqualTo("drctl: DRCTL_TASK_URL 'localhost:8082' is not an http or https URL "
                + "(like http://host:8081)\n");
    }

    @Test
    @Order(10)
    void bashCompletionNamesTheCommandsAndLoadsInBash() throws Exception {
        DrctlProcess drctl = DrctlProcess.signedOut(suite);
        Result script = run(drctl, "completion", "bash");
        assertThat(script.exitCode()).isZero();
        assertThat(script.stdout()).contains("login", "logout", "whoami", "query", "switchover", "failover",
                "snapshot", "cluster", "completion");

        String drctlPath = RepositoryRoot.find().resolve("drctl").toString();
        Process bash = new ProcessBuilder("bash", "-c", "source <('" + drctlPath + "' completion bash) && complete -p "
                + "drctl").redirectErrorStream(true).start();
        String output = new String(bash.getInputStream().readAllBytes(), UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(output).isZero();
        assertThat(output).contains("_complete_drctl").contains(" drctl");
    }

    @Test
    @Order(11)
    void everyCommandsHelpHasExamples() {
        DrctlProcess drctl = DrctlProcess.signedOut(suite);
        List<String> withoutExamples = new ArrayList<>();
        Deque<List<String>> commands = new ArrayDeque<>();
        commands.add(List.of());
        int seen = 0;
        while (!commands.isEmpty()) {
            List<String> command = commands.poll();
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Result help = drctl.run(args.toArray(String[]::new));
            seen++;
            if (help.exitCode() != 0 || !help.stdout().contains("Examples:")) {
                withoutExamples.add(String.join(" ", command) + " (exit " + help.exitCode() + ")");
            }
            for (String sub : subcommands(help.stdout())) {
                List<String> deeper = new ArrayList<>(command);
                deeper.add(sub);
                commands.add(deeper);
            }
        }
        assertThat(seen).isGreaterThan(30);
        assertThat(withoutExamples).isEmpty();
    }

    /** The names under "Commands:" in picocli's help. */
    private static List<String> subcommands(String help) {
        List<String> names = new ArrayList<>();
        boolean inCommands = false;
        for (String line : help.lines().toList()) {
            if (line.equals("Commands:")) {
                inCommands = true;
            } else if (inCommands && line.isBlank()) {
                inCommands = false;
            } else if (inCommands) {
                Matcher name = Pattern.compile("^  ([a-z][a-z-]*)(\\s|,|$)").matcher(line);
                if (name.find() && !name.group(1).equals("help")) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    @Test
    @Order(12)
    void noPasswordSecretOrTokenWasEverPrinted() {
        assertThat(secrets).hasSizeGreaterThan(5);
        assertThat(printed).hasSizeGreaterThan(20).allSatisfy(result -> assertThat(result.stdout() + result.stderr())
                .doesNotContain(secrets));
    }
}
