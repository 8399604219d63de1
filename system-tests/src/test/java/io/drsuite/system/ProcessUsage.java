package io.drsuite.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a process has used so far, from {@code /proc/<pid>}: CPU time (user + system, {@code stat}) and resident
 * memory now ({@code VmRSS} of {@code status}).
 */
record ProcessUsage(double cpuSeconds, long rssBytes) {

    private static final double TICKS_PER_SECOND = ticksPerSecond();

    static ProcessUsage of(long pid) {
        Path proc = Path.of("/proc", Long.toString(pid));
        try {
            String stat = Files.readString(proc.resolve("stat"));
            // Fields after the command name, which is in parentheses and may hold spaces: state is field 3, utime
            // field 14 and stime field 15 (proc(5)).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
            long rssKib = Files.readAllLines(proc.resolve("status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElse(0);
            return new ProcessUsage(ticks / TICKS_PER_SECOND, rssKib * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + proc + " (has the process ended?)", e);
        }
    }

    /** {@code getconf CLK_TCK}: the unit of the CPU times in {@code stat}; 100 on Linux nearly always. */
    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder(List.of("getconf", "CLK_TCK")).redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
