package io.drsuite.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * What the packaged console (production profile) needs besides the servers and sign-in client of
 * {@link ConsoleTestInfrastructure}: a session secret, and service URLs where nothing answers (the test profile's own
 * settings do not apply to the packaged console, whose defaults would reach a running suite).
 */
public class PackagedConsoleSettings implements QuarkusTestResourceLifecycleManager {

    /** For tests only (48 characters), never used outside them. */
    static final String TEST_SESSION_SECRET = "packaged-console-test-only-session-secret-012345";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.authentication.state-secret", TEST_SESSION_SECRET,
                "quarkus.oidc.token-state-manager.encryption-secret", TEST_SESSION_SECRET,
                "drsuite.console.services.relationship", "http://127.0.0.1:9",
                "drsuite.console.services.task", "http://127.0.0.1:9",
                "drsuite.console.services.monitor", "http://127.0.0.1:9",
                "drsuite.console.services.snapshot", "http://127.0.0.1:9",
                "drsuite.console.services.recyclebin", "http://127.0.0.1:9");
    }

    @Override
    public void stop() {
    }
}
