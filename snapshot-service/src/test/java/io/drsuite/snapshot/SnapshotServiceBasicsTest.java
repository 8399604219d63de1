package io.drsuite.snapshot;

import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SnapshotServiceBasicsTest extends ServiceBasicsContract {
}
