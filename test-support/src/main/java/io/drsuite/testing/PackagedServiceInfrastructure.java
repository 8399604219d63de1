package io.drsuite.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The real servers of {@link LocalInfrastructure} for {@code @QuarkusIntegrationTest}s, which run a service's
 * packaged artifact in its production profile: besides the servers' addresses the service needs the secrets key
 * that the test profile would have set.
 */
public class PackagedServiceInfrastructure extends LocalInfrastructure {

    /** A key for tests only (base64 of 32 bytes), the same the services' test profile sets. */
    public static final String TEST_SECRETS_KEY = "lX2YmFjONkcqZT2JfJkqgkg/sV4mWAv9K+TlJBMXglc=";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("drsuite.secrets.key", TEST_SECRETS_KEY);
        return config;
    }
}
