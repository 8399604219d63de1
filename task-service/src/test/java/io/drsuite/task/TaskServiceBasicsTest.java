package io.drsuite.task;

import io.drsuite.testing.ServiceBasicsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TaskServiceBasicsTest extends ServiceBasicsContract {
}
