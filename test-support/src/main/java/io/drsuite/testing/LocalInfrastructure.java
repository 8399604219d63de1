package io.drsuite.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real control-plane PostgreSQL, Kafka, S3-compatible server (S3Proxy) and identity provider (Keycloak) for
 * tests, on their own ports and run folder so a running suite is left alone. Started by {@code deploy/local/infra.sh} the first time a test needs them and left running for the
 * rest of the run ({@code ./drsuite test} stops them at the end).
 */
public class LocalInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final int DB_PORT = intEnv("DRSUITE_TEST_DB_PORT", 25432);
    public static final int KAFKA_PORT = intEnv("DRSUITE_TEST_KAFKA_PORT", 29092);
    public static final int KAFKA_CONTROLLER_PORT = intEnv("DRSUITE_TEST_KAFKA_CONTROLLER_PORT", 29093);
    /**
     * Which broker of the test run directory: the test command runs two lanes of modules side by side, each on a
     * broker of its own, so that one module's services never consume another's events.
     */
    public static final String KAFKA_NAME = textEnv("DRSUITE_TEST_KAFKA_NAME", "kafka");
    public static final int S3_PORT = intEnv("DRSUITE_TEST_S3_PORT", 29000);
    public static final int KEYCLOAK_PORT = intEnv("DRSUITE_TEST_KEYCLOAK_PORT", 28180);
    public static final String S3_ACCESS_KEY = "drsuite-test";
    public static final String S3_SECRET_KEY = "drsuite-test-secret";
    public static final String S3_BUCKET = "drsuite-snapshots";
    public static final String DB_USER = "drsuite";
    public static final String DB_PASSWORD = "drsuite";
    public static final String DB_NAME = "drsuite_test";

    @Override
    public Map<String, String> start() {
        if (!listening(DB_PORT) || !listening(KAFKA_PORT) || !listening(S3_PORT) || !listening(KEYCLOAK_PORT)) {
            infra("start");
        }
        Map<String, String> config = new HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", DB_USER,
                "quarkus.datasource.password", DB_PASSWORD,
                "kafka.bootstrap.servers", kafkaBootstrapServers(),
                "mp.jwt.verify.issuer", oidcIssuer(),
                "mp.jwt.verify.publickey.location", oidcIssuer() + "/protocol/openid-connect/certs"));
        config.putAll(storageConfig());
        return config;
    }

    /** The tests' Keycloak realm: the issuer every service trusts in tests (see {@link SignedIn}). */
    public static String oidcIssuer() {
        return "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/drsuite";
    }

    /**
     * The snapshot storage locations every test service shares (services without snapshot storage ignore them):
     * {@code local}, a folder in the test run directory, and {@code s3}, a bucket on the tests' S3Proxy.
     */
    public static Map<String, String> storageConfig() {
        return Map.of(
                "drsuite.storage.locations.local.path", snapshotFolder().toString(),
                "drsuite.storage.locations.s3.type", "s3",
                "drsuite.storage.locations.s3.bucket", S3_BUCKET,
                "drsuite.storage.locations.s3.part-size-mib", "5",
                "quarkus.s3.endpoint-override", s3Endpoint(),
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", S3_ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", S3_SECRET_KEY);
    }

    public static Path snapshotFolder() {
        return RepositoryRoot.testRunDir().resolve("snapshots");
    }

    public static String s3Endpoint() {
        return "http://127.0.0.1:" + S3_PORT;
    }

    /** Where S3Proxy's filesystem backend keeps an object of the test bucket, for tests that damage one. */
    public static Path s3ObjectFile(String key) {
        return RepositoryRoot.testRunDir().resolve("s3/data").resolve(S3_BUCKET).resolve(key);
    }

    @Override
    public void stop() {
        // Left running for the next test class; one start per test run.
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + DB_PORT + "/" + DB_NAME;
    }

    public static String kafkaBootstrapServers() {
        return "127.0.0.1:" + KAFKA_PORT;
    }

    /** Stops the broker, keeping its data, to test what happens while Kafka is down. */
    public static void stopKafka() {
        script("kafka.sh", "stop");
    }

    public static void startKafka() {
        script("kafka.sh", "start");
    }

    private static void infra(String action) {
        script("infra.sh", action);
    }

    private static void script(String name, String action) {
        Path root = RepositoryRoot.find();
        Commands.run(List.of("bash", root.resolve("deploy/local/" + name).toString(), action),
                Map.of("DRSUITE_RUN_DIR", RepositoryRoot.testRunDir().toString(),
                        "DRSUITE_DB_PORT", String.valueOf(DB_PORT),
                        "DRSUITE_KAFKA_PORT", String.valueOf(KAFKA_PORT),
                        "DRSUITE_KAFKA_CONTROLLER_PORT", String.valueOf(KAFKA_CONTROLLER_PORT),
                        "DRSUITE_KAFKA_NAME", KAFKA_NAME,
                        "DRSUITE_S3_PORT", String.valueOf(S3_PORT),
                        "DRSUITE_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT),
                        "DRSUITE_S3_ACCESS_KEY", S3_ACCESS_KEY,
                        "DRSUITE_S3_SECRET_KEY", S3_SECRET_KEY),
                root, 300);
    }

    static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String textEnv(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
