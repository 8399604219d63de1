package io.drsuite.cli.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import java.net.URI;
import java.net.URLDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApiPathTest {

    private static final String TEMPLATE = "/api/v1/relationships/{}/switchover";

    @ParameterizedTest
    @ValueSource(strings = {"shop", "a/b", "../admin", "a/../../b", "..x", "with space", "100%", "%2F", "%2e%2e",
        "šop-ü-日本", "a?b=c", "a#frag", "a;b", "a+b", "a&b=c", "x\\y", "...", "a\u0000b"})
    void aNameIsOneSegmentAndComesBackUnchanged(String name) {
        String path = ApiPath.of(TEMPLATE, name).toString();

        URI uri = URI.create("http://127.0.0.1:8081" + path);
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        String[] segments = uri.getRawPath().split("/", -1);
        assertThat(segments).hasSize(6);
        assertThat(segments[1]).isEqualTo("api");
        assertThat(segments[3]).isEqualTo("relationships");
        assertThat(segments[5]).isEqualTo("switchover");
        assertThat(segments[4]).doesNotContain("/", "?", "#", " ").isNotIn(".", "..");
        assertThat(URLDecoder.decode(segments[4].replace("+", "%2B"), UTF_8)).isEqualTo(name);
        assertThat(uri.normalize().getRawPath()).isEqualTo(uri.getRawPath());
    }

    @Test
    void aSpaceIsPercentTwentyNotPlus() {
        assertThat(ApiPath.of("/api/v1/clusters/{}", "a b+c")).hasToString("/api/v1/clusters/a%20b%2Bc");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void aDotSegmentOrNothingIsNotANameAndAUsageError(String name) {
        assertThatThrownBy(() -> ApiPath.of(TEMPLATE, name))
                .isInstanceOfSatisfying(CliFailure.class, failure -> {
                    assertThat(failure.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(failure.getMessage()).contains("is not a name");
                });
    }

    @Test
    void queryValuesAreEncodedAndNullOnesLeftOut() {
        ApiPath path = ApiPath.of("/api/v1/tasks").query("target", "shop&state=failed").query("state", null)
                .query("limit", 5);

        assertThat(path).hasToString("/api/v1/tasks?target=shop%26state%3Dfailed&limit=5");
    }

    @Test
    void segmentsMustMatchThePlaceholders() {
        assertThatThrownBy(() -> ApiPath.of("/a/{}/b/{}", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiPath.of("/a/{}", "x", "y")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ApiPath.of("/a/{}/b/{}", "x", 7)).hasToString("/a/x/b/7");
    }
}
