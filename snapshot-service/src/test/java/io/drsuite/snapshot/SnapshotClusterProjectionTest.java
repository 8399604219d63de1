package io.drsuite.snapshot;

import io.drsuite.testing.ClusterProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SnapshotClusterProjectionTest extends ClusterProjectionContract {
}
