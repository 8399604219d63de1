package io.drsuite.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();

    private Settings resolve(Map<String, String> flags) {
        environment.put("DRCTL_CONFIG_DIR", home.resolve("drctl").toString());
        return Settings.resolve(flags, environment);
    }

    private void configFile(String content) throws IOException {
        Files.createDirectories(home.resolve("drctl"));
        Files.writeString(home.resolve("drctl/config"), content);
    }

    @Test
    void withNothingSetItIsTheLocalSuite() {
        Settings settings = resolve(Map.of());

        assertThat(settings.url(Service.RELATIONSHIP)).isEqualTo(URI.create("http://127.0.0.1:8081"));
        assertThat(settings.url(Service.TASK)).isEqualTo(URI.create("http://127.0.0.1:8082"));
        assertThat(settings.url(Service.MONITOR)).isEqualTo(URI.create("http://127.0.0.1:8083"));
        assertThat(settings.url(Service.SNAPSHOT)).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(settings.url(Service.RECYCLEBIN)).isEqualTo(URI.create("http://127.0.0.1:8085"));
        assertThat(settings.issuer()).isEqualTo(URI.create(Settings.LOCAL_ISSUER));
        assertThat(settings.clientId()).isEqualTo("drsuite-cli");
        assertThat(settings.configDirectory()).isEqualTo(home.resolve("drctl"));
    }

    @Test
    void aFlagBeatsTheEnvironmentWhichBeatsTheConfigFileWhichBeatsTheDefault() throws IOException {
        configFile("""
                # the team's suite
                relationship-url = http://file:1
                task-url = http://file:2
                monitor-url = http://file:3
                issuer = https://sso.example/realms/dr
                client-id = from-file
                """);
        environment.put("DRCTL_RELATIONSHIP_URL", "http://environment:1");
        environment.put("DRCTL_TASK_URL", "http://environment:2");
        environment.put("DRCTL_ISSUER", "https://other-sso.example/realms/dr/");

        Settings settings = resolve(Map.of("relationship-url", "https://flag:1/"));

        assertThat(settings.url(Service.RELATIONSHIP)).isEqualTo(URI.create("https://flag:1"));
        assertThat(settings.url(Service.TASK)).isEqualTo(URI.create("http://environment:2"));
        assertThat(settings.url(Service.MONITOR)).isEqualTo(URI.create("http://file:3"));
        assertThat(settings.url(Service.SNAPSHOT)).isEqualTo(URI.create("http://127.0.0.1:8084"));
        assertThat(settings.issuer()).isEqualTo(URI.create("https://other-sso.example/realms/dr"));
        assertThat(settings.clientId()).isEqualTo("from-file");
    }

    @Test
    void aBlankValueCountsAsUnset() {
        environment.put("DRCTL_TASK_URL", "  ");

        assertThat(resolve(Map.of()).url(Service.TASK)).isEqualTo(URI.create("http://127.0.0.1:8082"));
    }

    @Test
    void aPathPrefixBehindAProxyIsKept() {
        environment.put("DRCTL_SNAPSHOT_URL", "https://dr.example/snapshots/");

        assertThat(resolve(Map.of()).url(Service.SNAPSHOT)).isEqualTo(URI.create("https://dr.example/snapshots"));
    }

    @Test
    void theConfigDirectoryFollowsXdgUnlessGivenExplicitly() {
        Map<String, String> xdg = Map.of("XDG_CONFIG_HOME", home.toString());

        assertThat(Settings.configDirectory(xdg)).isEqualTo(home.resolve("drctl"));
        assertThat(Settings.configDirectory(Map.of())).isEqualTo(Path.of(System.getProperty("user.home"),
                ".config", "drctl"));
    }

    @Test
    void anInvalidUrlIsAUsageErrorNamingWhereItCameFrom() throws IOException {
        assertUsageError(() -> resolve(Map.of("task-url", "127.0.0.1:8082")), "--task-url '127.0.0.1:8082'");

        environment.put("DRCTL_MONITOR_URL", "ftp://monitor");
        assertUsageError(() -> resolve(Map.of()), "DRCTL_MONITOR_URL 'ftp://monitor'");
        environment.remove("DRCTL_MONITOR_URL");

        configFile("issuer = http://sso.example/realms/dr?x=1\n");
        assertUsageError(() -> resolve(Map.of()), "issuer in " + home.resolve("drctl/config"));

        configFile("snapshot-url = http://user@host:1\n");
        assertUsageError(() -> resolve(Map.of()), "snapshot-url in");

        configFile("recyclebin-url = http://bad host\n");
        assertUsageError(() -> resolve(Map.of()), "'http://bad host' is not an http or https URL");
    }

    private static void assertUsageError(Runnable resolving, String message) {
        assertThatThrownBy(resolving::run).isInstanceOfSatisfying(CliFailure.class, failure -> {
            assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(failure.getMessage()).contains(message);
        });
    }
}
