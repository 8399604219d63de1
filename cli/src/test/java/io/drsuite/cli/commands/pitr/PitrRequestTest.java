package io.drsuite.cli.commands.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class PitrRequestTest {

    @Test
    void aRegisteredNodeIsReplaced() {
        Map<String, Object> request = parse("prod", "--time", "2026-12-03T09:14:00Z", "--onto-cluster", "spare",
                "--node", "spare-1", "--reason", "INC-4712").request();
        assertThat(request).containsEntry("replace", true)
                .containsEntry("onto", Map.of("cluster", "spare", "node", "spare-1"))
                .containsEntry("target", Map.of("time", "2026-12-03T09:14:00Z"));
    }

    @Test
    void aNewNodeIsNamedWithItsPlaceAndAccessAndReplacesNothing() {
        Map<String, Object> request = parse("prod", "--latest", "--new-node", "prod-0914", "--host", "10.0.0.9",
                "--port", "5440", "--data-directory", "/srv/pg/prod-0914", "--access", "ssh", "--ssh-key", "spare",
                "--reason", "look first").request();
        assertThat(request).doesNotContainKey("replace");
        assertThat(request.get("onto")).isEqualTo(Map.of("newNode", Map.of("name", "prod-0914", "host", "10.0.0.9",
                "port", 5440, "dataDirectory", "/srv/pg/prod-0914", "access", Map.of("kind", "ssh", "sshHost",
                        "10.0.0.9", "sshPort", 22, "sshUser", "postgres", "sshKeyRef", "spare"))));
    }

    @Test
    void aNewNodeNeedsItsPlaceAndExcludesARegisteredOne() {
        assertThatThrownBy(() -> parse("prod", "--latest", "--new-node", "n", "--host", "h", "--reason", "r")
                .request()).isInstanceOf(CliFailure.class).hasMessageContaining("--data-directory");
        assertThatThrownBy(() -> parse("prod", "--latest", "--new-node", "n", "--host", "h", "--data-directory",
                "/srv/n", "--node", "prod-1", "--reason", "r").request()).isInstanceOf(CliFailure.class)
                .hasMessageContaining("leave out");
        assertThatThrownBy(() -> parse("prod", "--latest", "--host", "h", "--reason", "r").request())
                .isInstanceOf(CliFailure.class).hasMessageContaining("--new-node");
    }

    private static PitrCommand parse(String... arguments) {
        PitrCommand command = new PitrCommand();
        new CommandLine(command).parseArgs(arguments);
        return command;
    }
}
