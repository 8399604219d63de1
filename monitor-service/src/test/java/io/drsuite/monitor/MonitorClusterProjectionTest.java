package io.drsuite.monitor;

import io.drsuite.testing.ClusterProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MonitorClusterProjectionTest extends ClusterProjectionContract {
}
