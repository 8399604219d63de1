package io.drsuite.recyclebin;

import io.drsuite.testing.SwaggerSignInFlowContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SwaggerSignInFlowTest extends SwaggerSignInFlowContract {
}
