package io.drsuite.cli.commands.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.drsuite.cli.CliFailure;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterRegistrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void fromFlags() {
        ObjectNode body = ClusterRegisterCommand.registration(json, null, "prod",
                List.of("name=prod-1,host=127.0.0.1,port=6001,data-directory=/pg/prod-1"), "postgres", "repl");
        assertThat(body.path("name").asText()).isEqualTo("prod");
        assertThat(body.path("nodes").get(0).path("dataDirectory").asText()).isEqualTo("/pg/prod-1");
        assertThat(body.path("nodes").get(0).path("access").path("kind").asText()).isEqualTo("local");
        assertThat(body.path("adminLogin").path("username").asText()).isEqualTo("postgres");
        assertThat(body.path("replicationLogin").path("username").asText()).isEqualTo("repl");
        assertThat(body.path("adminLogin").has("password")).isFalse();
    }

    @Test
    void fromAYamlFileShapedLikeTheApiBodyWithFlagsOverridingItsNameAndUsers() throws Exception {
        JsonNode file = new ObjectMapper(new YAMLFactory()).readTree("""
                name: dr
                nodes:
                  - name: dr-1
                    host: 10.0.0.21
                    port: 5432
                    dataDirectory: /var/lib/postgresql/17/main
                    access: {kind: ssh, sshHost: 10.0.0.21, sshPort: 22, sshUser: postgres, sshKeyRef: dr-1}
                adminLogin: {username: drsuite_admin, password: from-the-file}
                replicationLogin: {username: drsuite_repl}
                """);
        ObjectNode body = ClusterRegisterCommand.registration(json, file, "dr-b", null, null, "other_repl");
        assertThat(body.path("name").asText()).isEqualTo("dr-b");
        assertThat(body.path("nodes").get(0).path("access").path("sshKeyRef").asText()).isEqualTo("dr-1");
        assertThat(body.path("adminLogin").path("password").asText()).isEqualTo("from-the-file");
        assertThat(body.path("replicationLogin").path("username").asText()).isEqualTo("other_repl");
        assertThat(file.path("name").asText()).as("the file's document is not changed").isEqualTo("dr");
    }

    @Test
    void whatIsMissingIsSaid() {
        assertThatThrownBy(() -> ClusterRegisterCommand.registration(json, null, null,
                List.of("name=a,host=h,data-directory=/d"), "u", "r")).isInstanceOf(CliFailure.class)
                .hasMessageContaining("give its NAME");
        assertThatThrownBy(() -> ClusterRegisterCommand.registration(json, null, "c", null, "u", "r"))
                .hasMessageContaining("no nodes");
        assertThatThrownBy(() -> ClusterRegisterCommand.registration(json, null, "c",
                List.of("name=a,host=h,data-directory=/d"), null, "r")).hasMessageContaining("--admin-user");
        assertThatThrownBy(() -> ClusterRegisterCommand.registration(json, null, "c",
                List.of("name=a,host=h,data-directory=/d"), "u", null)).hasMessageContaining("--replication-user");
    }
}
