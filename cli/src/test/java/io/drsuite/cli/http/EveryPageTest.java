package io.drsuite.cli.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EveryPageTest {

    @Test
    void theNextPagesCursorIsReadFromTheLinkHeader() {
        assertThat(EveryPage.nextCursor("<http://127.0.0.1:8081/api/v1/relationships?limit=500&cursor=c2hvcA%3D%3D>;"
                + " rel=\"next\"")).isEqualTo("c2hvcA==");
        assertThat(EveryPage.nextCursor(null)).isNull();
        assertThat(EveryPage.nextCursor("<http://x/api/v1/relationships?limit=5>; rel=\"prev\"")).isNull();
    }
}
