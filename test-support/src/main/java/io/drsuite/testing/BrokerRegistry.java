package io.drsuite.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.drsuite.events.EventType;
import io.drsuite.events.cluster.ClusterEvents;
import io.drsuite.events.cluster.ClusterRegistered;
import io.drsuite.platform.secrets.SecretSealer;

/**
 * For {@code @QuarkusIntegrationTest}s, which have no beans of the service under test: registers real test servers
 * as relationship-service would (a registration event on the real broker, logins sealed with the test key the
 * packaged service runs with) and publishes other events the same way.
 */
public final class BrokerRegistry {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final SecretSealer SEALER = new SecretSealer(PackagedServiceInfrastructure.TEST_SECRETS_KEY);

    private BrokerRegistry() {
    }

    /** The servers as one cluster, the first its main node; the service learns of it asynchronously. */
    public static ClusterRegistered register(String name, PostgresInstance... nodes) {
        ClusterRegistered event = ClusterEventFixtures.registered(name, SEALER, nodes);
        publish(ClusterEvents.REGISTERED, event.clusterId(), event);
        return event;
    }

    public static <P> void publish(EventType<P> type, Object key, P payload) {
        ClusterEventFixtures.publish(type, key, payload, JSON);
    }
}
