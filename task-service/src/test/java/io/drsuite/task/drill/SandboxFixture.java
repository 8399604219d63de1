package io.drsuite.task.drill;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.testing.PostgresInstance;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What drill tests share: the sandbox node they name, their checks, and the proof that nothing was left behind. */
final class SandboxFixture {

    private SandboxFixture() {
    }

    /** The sandbox node as a drill task's parameter: a local node on the given port and folder. */
    static String sandboxNode(ObjectMapper json, String name, int port, Path dataDirectory) throws IOException {
        return json.writeValueAsString(new ClusterNode(name, "127.0.0.1", port, dataDirectory.toString(),
                NodeRole.PRIMARY, new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)));
    }

    static Map<String, String> check(String name, String database, String sql, String expected) {
        return Map.of("name", name, "database", database, "sql", sql, "expected", expected);
    }

    static CheckOutcome outcome(List<CheckOutcome> checks, String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst().orElseThrow();
    }

    static Map<String, Object> artifacts(JsonPath task, String step) {
        return task.getMap("steps.find { it.name == '" + step + "' }.artifacts");
    }

    /** No folder or file named after the sandbox's data directory is left, and nothing listens on its port. */
    static void assertNothingLeft(PostgresInstance sandbox) throws IOException {
        assertThat(Files.exists(sandbox.dataDirectory())).as("the copy's data directory is removed").isFalse();
        try (var left = Files.list(sandbox.dataDirectory().getParent())) {
            assertThat(left.map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.startsWith(sandbox.dataDirectory().getFileName().toString()));
        }
        assertThat(listening(sandbox.port())).as("nothing listens on the sandbox port").isFalse();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
