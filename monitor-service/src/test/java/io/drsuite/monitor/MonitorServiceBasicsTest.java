package io.drsuite.monitor;

import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MonitorServiceBasicsTest extends ServiceBasicsContract {
}
