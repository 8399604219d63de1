package io.drsuite.relationship;

import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RelationshipServiceBasicsTest extends ServiceBasicsContract {
}
