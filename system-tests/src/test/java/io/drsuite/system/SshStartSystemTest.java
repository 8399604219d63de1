package io.drsuite.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.testing.PostgresInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same start as with local access, with every node reached over SSH (a real sshd on loopback). */
class SshStartSystemTest {

    private final Suite suite = Suite.get();
    private final DrApi api = new DrApi(suite);

    @Test
    void startOverSshBuildsAMainAndACascadedStandby() throws Exception {
        try (PostgresInstance prod = PostgresInstance.primary("ssh-prod");
                PostgresInstance dr1 = PostgresInstance.primary("ssh-dr1");
                PostgresInstance dr2 = dr1.standby("ssh-dr2")) {
            prod.execute("create table t (id int)", "insert into t select generate_series(1, 3000)");
            api.register("ssh-prod", this::sshAccess, prod);
            api.register("ssh-dr", this::sshAccess, dr1, dr2);

            String[] created = api.create("over-ssh", "ssh-prod", "ssh-dr", "async");
            api.awaitPhase(created[0], "active", created[1]);

            assertThat(dr1.count("t")).isEqualTo(3000);
            assertThat(dr2.count("t")).isEqualTo(3000);
            assertThat(dr1.inRecovery()).isTrue();
            assertThat(dr2.inRecovery()).isTrue();
            assertThatThrownBy(() -> dr2.execute("insert into t values (0)")).hasMessageContaining("read-only");
            assertThat(api.task(created[1]).getList("log.message", String.class))
                    .anyMatch(line -> line.contains("full build of ssh-dr1"));

            String stop = api.operate(created[0], "stop", Map.of("promoteDr", true)).statusCode(202)
                    .extract().jsonPath().getString("taskId");
            api.awaitPhase(created[0], "stopped", stop);
            assertThat(dr1.inRecovery()).isFalse();
        }
    }

    private Map<String, Object> sshAccess(PostgresInstance node) {
        return Map.of("kind", "ssh", "osUser", "postgres", "sshHost", suite.ssh.host(), "sshPort", suite.ssh.port(),
                "sshUser", suite.ssh.user(), "sshKeyRef", suite.ssh.keyRef());
    }
}
