package io.drsuite.console;

import io.drsuite.testing.FreePorts;
import io.drsuite.testing.LocalInfrastructure;
import io.drsuite.testing.SignedIn;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Kafka and Keycloak for the console's tests, and a realm client of its own for the port the console is
 * tested on (the realm's drsuite-console client accepts its usual ports only). The five services are not started
 * here: what the pages read from them is tested end to end in system-tests.
 */
public class ConsoleTestInfrastructure extends LocalInfrastructure {

    public static final int PORT = FreePorts.next();

    public static String url() {
        return "http://127.0.0.1:" + PORT;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("quarkus.http.test-port", Integer.toString(PORT));
        config.put("quarkus.oidc.auth-server-url", oidcIssuer());
        config.put("quarkus.oidc.client-id", SignedIn.consoleClient(url()));
        return config;
    }
}
