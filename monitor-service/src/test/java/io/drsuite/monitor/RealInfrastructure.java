package io.drsuite.monitor;

import io.drsuite.testing.LocalInfrastructure;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Every test of this module runs against the real control-plane PostgreSQL and Kafka, started once per run.
 */
@WithTestResource(value = LocalInfrastructure.class, scope = TestResourceScope.GLOBAL)
final class RealInfrastructure {

    private RealInfrastructure() {
    }
}
