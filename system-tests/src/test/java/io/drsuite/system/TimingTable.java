package io.drsuite.system;

import io.drsuite.testing.RepositoryRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A benchmark's results: one row per measure with its median, minimum and maximum, printed and written as Markdown. */
final class TimingTable {

    private final int runs;
    private final Map<String, List<Double>> measures = new LinkedHashMap<>();

    TimingTable(int runs) {
        this.runs = runs;
    }

    TimingTable add(String measure, List<Double> seconds) {
        measures.put(measure, seconds);
        return this;
    }

    /** Prints the table under {@code title} and writes it to {@code system-tests/target/<fileName>}. */
    void report(String title, String fileName) throws IOException {
        List<String> lines = new ArrayList<>(List.of("| measure (" + runs + " runs, seconds) | median | min | max |",
                "| --- | --- | --- | --- |"));
        measures.forEach((measure, seconds) -> lines.add(row(measure, seconds)));
        String table = String.join("\n", lines) + "\n";
        System.out.println("\n" + title + "\n" + table);
        Path out = RepositoryRoot.find().resolve("system-tests/target").resolve(fileName);
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
    }

    private static String row(String what, List<Double> seconds) {
        List<Double> sorted = new ArrayList<>(seconds);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |", what, sorted.get(sorted.size() / 2),
                sorted.getFirst(), sorted.getLast());
    }
}
