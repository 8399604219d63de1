package io.drsuite.recyclebin;

import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecyclebinServiceBasicsTest extends ServiceBasicsContract {
}
