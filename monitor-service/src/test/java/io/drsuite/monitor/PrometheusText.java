package io.drsuite.monitor;

import static io.drsuite.testing.SignedIn.given;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample from the service's /q/metrics. */
final class PrometheusText {

    private PrometheusText() {
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}; NaN when there is none. */
    static double metric(String name, String label) {
        String text = given().get("/q/metrics").asString();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*\\} (\\S+)$")
                .matcher(text);
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
