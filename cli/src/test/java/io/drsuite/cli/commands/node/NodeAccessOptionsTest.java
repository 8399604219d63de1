package io.drsuite.cli.commands.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NodeAccessOptionsTest {

    private static NodeAddCommand parsed(String... args) {
        NodeAddCommand command = new NodeAddCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void localAccessAsPostgresByDefault() {
        NodeAddCommand add = parsed("prod", "--name", "prod-3", "--host", "127.0.0.1", "--data-directory", "/srv/pg");

        assertThat(add.port).isEqualTo(5432);
        assertThat(add.access.toRequest(add.host)).isEqualTo(Map.of("kind", "local", "osUser", "postgres"));
    }

    @Test
    void sshAccessReachesTheNodesHostUnlessToldOtherwise() {
        NodeAddCommand add = parsed("prod", "--name", "prod-3", "--host", "10.0.0.13", "--data-directory", "/srv/pg",
                "--access", "ssh", "--ssh-key", "prod-3");

        assertThat(add.access.toRequest(add.host)).isEqualTo(Map.of("kind", "ssh", "sshHost", "10.0.0.13",
                "sshPort", 22, "sshUser", "postgres", "sshKeyRef", "prod-3"));
    }

    @Test
    void sshAccessWithoutAKeyIsAUsageError() {
        NodeAddCommand add = parsed("prod", "--name", "prod-3", "--host", "10.0.0.13", "--data-directory", "/srv/pg",
                "--access", "ssh");

        assertThatThrownBy(() -> add.access.toRequest(add.host)).isInstanceOf(CliFailure.class)
                .satisfies(failure -> assertThat(((CliFailure) failure).exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("--ssh-key");
    }
}
