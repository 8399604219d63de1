package io.drsuite.system;

import io.drsuite.testing.FreePorts;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.PackagedServiceInfrastructure;
import io.drsuite.testing.RepositoryRoot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) run as its own process with the prod
 * profile against the test infrastructure, so a test can kill it with SIGKILL and start it again.
 */
final class ServiceProcess implements AutoCloseable {

    static final Duration OIDC_CLOCK_SKEW = Duration.ofSeconds(1);

    private final String module;
    private final String name;
    private final Map<String, String> environment;
    private final Map<String, String> systemProperties;
    private final int port;
    private Process process;
    private int starts;
    private Path log;

    private ServiceProcess(String module, String name, Map<String, String> environment,
            Map<String, String> systemProperties, int port) {
        this.module = module;
        this.name = name;
        this.environment = environment;
        this.systemProperties = systemProperties;
        this.port = port;
    }

    static ServiceProcess start(String module, Map<String, String> extraEnvironment) {
        return start(module, extraEnvironment, Map.of());
    }

    /** @param systemProperties configuration given as {@code -D} (e.g. storage locations, which are map keys) */
    static ServiceProcess start(String module, Map<String, String> extraEnvironment,
            Map<String, String> systemProperties) {
        return start(module, module, extraEnvironment, systemProperties);
    }

    /**
     * A further instance of a service, its log named {@code name}; {@code extraEnvironment} may override the
     * infrastructure settings, e.g. {@code DRSUITE_DB_URL}.
     */
    static ServiceProcess start(String module, String name, Map<String, String> extraEnvironment,
            Map<String, String> systemProperties) {
        ServiceProcess service = launch(module, name, extraEnvironment, systemProperties);
        service.awaitReady();
        return service;
    }

    /** Starts the process without waiting for it to be ready, so that several can start at once. */
    static ServiceProcess launch(String module, String name, Map<String, String> extraEnvironment,
            Map<String, String> systemProperties) {
        return launch(module, name, baseUrl -> extraEnvironment, systemProperties);
    }

    /** As above, for settings that depend on where the service will answer (its base URL). */
    static ServiceProcess launch(String module, String name, Function<String, Map<String, String>> environmentAt,
            Map<String, String> systemProperties) {
        int port = FreePorts.next();
        ServiceProcess service = new ServiceProcess(module, name, environmentAt.apply("http://127.0.0.1:" + port),
                systemProperties, port);
        service.launch();
        return service;
    }

    void start() {
        launch();
        awaitReady();
    }

    private void launch() {
        Path jar = RepositoryRoot.find().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; package " + module + " first (./mvnw package)");
        }
        log = RepositoryRoot.find().resolve("system-tests/target").resolve(name + "-" + (++starts) + ".log");
        Map<String, String> env = new HashMap<>();
        env.put("DRSUITE_DB_URL", LocalInfrastructure.jdbcUrl());
        env.put("DRSUITE_DB_USER", LocalInfrastructure.DB_USER);
        env.put("DRSUITE_DB_PASSWORD", LocalInfrastructure.DB_PASSWORD);
        env.put("DRSUITE_KAFKA_BOOTSTRAP", LocalInfrastructure.kafkaBootstrapServers());
        env.put("DRSUITE_SECRETS_KEY", PackagedServiceInfrastructure.TEST_SECRETS_KEY);
        env.put("DRSUITE_OIDC_ISSUER", LocalInfrastructure.oidcIssuer());
        // A second of clock skew (30 s by default), so that a test can show an expired token refused without waiting.
        env.put("DRSUITE_OIDC_CLOCK_SKEW", String.valueOf(OIDC_CLOCK_SKEW.toSeconds()));
        env.putAll(environment);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
            String options = System.getProperty("drsuite.system-tests.service-jvm-options", "");
            if (!options.isBlank()) {
                command.addAll(List.of(options.strip().split("\\s+")));
            }
            // The cache the service's integration tests trained, as the images start with it.
            Path aotCache = jar.resolveSibling("app.aot");
            if (Files.exists(aotCache)) {
                command.add("-XX:AOTCache=" + aotCache);
            }
            systemProperties.forEach((name, value) -> command.add("-D" + name + "=" + value));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hooks, no lease released, as a crash of the host would leave it. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The module the service is built from, e.g. {@code task-service}. */
    /** The output of the current (last started) process. */
    Path log() {
        return log;
    }

    String module() {
        return module;
    }

    /** {@code 127.0.0.1:<port>}, for programs configured with an address rather than a URL (HAProxy). */
    String hostPort() {
        return "127.0.0.1:" + port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(baseUrl()
                        + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        throw new IllegalStateException(module + " not ready within 90 s; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
