package io.drsuite.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.output.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code drctl drill plan set} against a fake relationship-service: POST for a new plan, PUT over an existing one. */
class DrillPlanCommandTest {

    private static final String PLAN = """
            {"name": "shop-weekly", "relationship": "shop", "sandbox": "local", "schedule": "0 3 * * 0",
             "checks": [{"name": "one", "sql": "select 1", "expected": "1"}], "suspended": false,
             "nextRunAt": "2026-12-06T03:00:00Z"}""";

    @TempDir
    Path config;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final StringWriter err = new StringWriter();

    @Test
    void aNewPlanIsPostedWithTheGivenOptions() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer()) {
            server.on("/api/v1/drill-plans", request -> request.method().equals("GET")
                    ? new FakeHttpServer.Answer(200, "application/json", "[]")
                    : new FakeHttpServer.Answer(201, "application/json", PLAN));

            assertThat(run(server, "drill", "plan", "set", "shop-weekly", "--relationship", "shop", "--sandbox",
                    "local", "--schedule", "0 3 * * 0", "--check", "one|1|select 1")).isEqualTo(ExitCode.DONE);

            FakeHttpServer.Request posted = server.lastRequest();
            assertThat(posted.method()).isEqualTo("POST");
            JsonNode body = new ObjectMapper().readTree(posted.body());
            assertThat(body.path("schedule").asText()).isEqualTo("0 3 * * 0");
            assertThat(body.path("checks").get(0).path("sql").asText()).isEqualTo("select 1");
            assertThat(body.path("suspended").asBoolean()).isFalse();
            assertThat(out.toString(UTF_8)).contains("Created drill plan shop-weekly; next run 2026-12-06T03:00:00Z");
        }
    }

    @Test
    void anExistingPlanIsReplacedKeepingWhatWasNotGiven() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer()) {
            server.on("/api/v1/drill-plans", 200, "application/json", "[" + PLAN + "]");
            server.on("/api/v1/drill-plans/shop-weekly", 200, "application/json", PLAN.replace("\"suspended\": false",
                    "\"suspended\": true"));

            assertThat(run(server, "drill", "plan", "set", "shop-weekly", "--suspended")).isEqualTo(ExitCode.DONE);

            FakeHttpServer.Request put = server.lastRequest();
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.rawPath()).isEqualTo("/api/v1/drill-plans/shop-weekly");
            JsonNode body = new ObjectMapper().readTree(put.body());
            assertThat(body.path("suspended").asBoolean()).isTrue();
            assertThat(body.path("relationship").asText()).isEqualTo("shop");
            assertThat(body.path("checks").get(0).path("name").asText()).isEqualTo("one");
            assertThat(out.toString(UTF_8)).contains("Changed drill plan shop-weekly (suspended)");
        }
    }

    @Test
    void aNewPlanWithoutItsScheduleIsAUsageErrorAndSendsNothingButTheLookUp() throws Exception {
        try (FakeHttpServer server = new FakeHttpServer()) {
            server.on("/api/v1/drill-plans", 200, "application/json", "[]");

            assertThat(run(server, "drill", "plan", "set", "shop-weekly", "--relationship", "shop", "--sandbox",
                    "local")).isEqualTo(ExitCode.USAGE);

            assertThat(server.requests()).allMatch(request -> request.method().equals("GET"));
            assertThat(err.toString()).contains("--schedule");
        }
    }

    private int run(FakeHttpServer server, String... args) {
        Map<String, String> environment = Map.of("NO_COLOR", "1", "DRCTL_TOKEN", "token",
                "DRCTL_RELATIONSHIP_URL", server.url(), "DRCTL_CONFIG_DIR", config.toString());
        Drctl root = new Drctl();
        try {
            // as Drctl.run does it, with the output to this test
            Field cli = Drctl.class.getDeclaredField("cli");
            cli.setAccessible(true);
            Cli forTest = new Cli(root, environment);
            Field terminal = Cli.class.getDeclaredField("terminal");
            terminal.setAccessible(true);
            terminal.set(forTest, new Terminal(new PrintStream(out, true, UTF_8), new PrintStream(
                    OutputStream.nullOutputStream()), false, false, 120));
            cli.set(root, forTest);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        CommandLine commandLine = Drctl.commandLine(root, environment);
        commandLine.setOut(new PrintWriter(OutputStream.nullOutputStream()));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
