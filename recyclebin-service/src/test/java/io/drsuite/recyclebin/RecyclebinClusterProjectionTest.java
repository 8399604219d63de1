package io.drsuite.recyclebin;

import io.drsuite.testing.ClusterProjectionContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecyclebinClusterProjectionTest extends ClusterProjectionContract {
}
