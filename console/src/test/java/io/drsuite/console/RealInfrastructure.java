package io.drsuite.console;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every test of this module runs against the real Kafka and Keycloak, started once per run. */
@WithTestResource(value = ConsoleTestInfrastructure.class, scope = TestResourceScope.GLOBAL)
final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
