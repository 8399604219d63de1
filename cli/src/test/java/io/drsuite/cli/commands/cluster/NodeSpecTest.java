package io.drsuite.cli.commands.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSpecTest {

    @Test
    void aLocalNodeWithDefaults() {
        assertThat(NodeSpec.parse("name=prod-1,host=10.0.0.11,data-directory=/var/lib/postgresql/17/main"))
                .isEqualTo(Map.of("name", "prod-1", "host", "10.0.0.11", "port", 5432,
                        "dataDirectory", "/var/lib/postgresql/17/main",
                        "access", Map.of("kind", "local", "osUser", "postgres")));
    }

    @Test
    void anSshNodeTakesItsHostAndPort22UnlessGiven() {
        assertThat(NodeSpec.parse("name=prod-2,host=10.0.0.12,port=5433,data-directory=/srv/pg,access=ssh,"
                + "ssh-user=postgres,ssh-key=prod-2"))
                .containsEntry("port", 5433)
                .containsEntry("access", Map.of("kind", "ssh", "sshHost", "10.0.0.12", "sshPort", 22,
                        "sshUser", "postgres", "sshKeyRef", "prod-2"));
        assertThat(NodeSpec.parse("name=n,host=db,data-directory=/d,access=ssh,ssh-host=jump,ssh-port=2222,"
                + "ssh-user=pg,ssh-key=k").get("access"))
                .isEqualTo(Map.of("kind", "ssh", "sshHost", "jump", "sshPort", 2222, "sshUser", "pg",
                        "sshKeyRef", "k"));
    }

    @Test
    void mistakesAreUsageErrorsThatSayWhatIsWrong() {
        assertUsage("name=n,host=h", "needs data-directory=");
        assertUsage("name=n,host=h,data-directory=/d,colour=blue", "unknown key 'colour'");
        assertUsage("name=n,host=h,data-directory=/d,port=fast", "port must be a number");
        assertUsage("name=n,host=h,data-directory=/d,access=telnet", "access must be local or ssh");
        assertUsage("name=n,host=h,data-directory=/d,access=ssh,ssh-user=pg", "needs ssh-key=");
        assertUsage("name=n,host=h,data-directory=/d,ssh-user=pg", "ssh-user needs access=ssh");
        assertUsage("name=n,name=m,host=h,data-directory=/d", "'name' given twice");
        assertUsage("name=n,host,data-directory=/d", "'host' is not key=value");
    }

    private static void assertUsage(String spec, String message) {
        assertThatThrownBy(() -> NodeSpec.parse(spec)).isInstanceOf(CliFailure.class)
                .hasMessageContaining(message)
                .extracting(failure -> ((CliFailure) failure).exitCode()).isEqualTo(ExitCode.USAGE);
    }
}
