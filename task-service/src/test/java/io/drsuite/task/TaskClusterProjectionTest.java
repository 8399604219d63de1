package io.drsuite.task;

import io.drsuite.testing.ClusterProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TaskClusterProjectionTest extends ClusterProjectionContract {
}
