package io.drsuite.clusterclient.files;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A block of {@code pg_hba.conf} lines owned by the suite, between marker comments naming its owner (a DR
 * relationship). The block goes first in the file, because the server uses the first line that matches.
 * Applying it again replaces it; removing it leaves the rest of the file as it was.
 */
public final class HbaBlock {

    private static final Pattern OWNER = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    private final String owner;
    private final List<String> lines;

    public HbaBlock(String owner, List<String> lines) {
        if (!OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("hba block owner must be a lower-case name: " + owner);
        }
        lines.forEach(HbaBlock::checkLine);
        this.owner = owner;
        this.lines = List.copyOf(lines);
    }

    /** A line admitting a replication login from one host address with SCRAM. */
    public static String replicationLine(String user, String host) {
        return "host replication " + user + " " + address(host) + " scram-sha-256";
    }

    /** A line admitting a login to any database from one host address with SCRAM ({@code pg_rewind} needs it). */
    public static String databaseLine(String user, String host) {
        return "host all " + user + " " + address(host) + " scram-sha-256";
    }

    public String applyTo(String hbaFile) {
        StringBuilder text = new StringBuilder(begin()).append('\n');
        lines.forEach(line -> text.append(line).append('\n'));
        text.append(end()).append('\n');
        return text + removeFrom(hbaFile);
    }

    public String removeFrom(String hbaFile) {
        int start = lineAt(hbaFile, begin(), 0);
        if (start < 0) {
            return hbaFile;
        }
        int stop = lineAt(hbaFile, end(), start);
        if (stop < 0) {
            return hbaFile;
        }
        int after = hbaFile.indexOf('\n', stop);
        return hbaFile.substring(0, start) + (after < 0 ? "" : hbaFile.substring(after + 1));
    }

    /**
     * Where the first whole line equal to {@code line} starts at or after {@code from}, or -1: a marker must not match
     * the start of another owner's marker ({@code rel-1} in {@code rel-10}).
     */
    private static int lineAt(String text, String line, int from) {
        for (int at = text.indexOf(line, from); at >= 0; at = text.indexOf(line, at + 1)) {
            int after = at + line.length();
            boolean startsLine = at == 0 || text.charAt(at - 1) == '\n';
            boolean endsLine = after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r';
            if (startsLine && endsLine) {
                return at;
            }
        }
        return -1;
    }

    private String begin() {
        return "# BEGIN drsuite " + owner;
    }

    private String end() {
        return "# END drsuite " + owner;
    }

    private static String address(String host) {
        if (host.matches("[0-9.]+")) {
            return host + "/32";
        }
        if (host.indexOf(':') >= 0) {
            return host + "/128";
        }
        return host;
    }

    private static void checkLine(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0 || line.indexOf('#') >= 0) {
            throw new IllegalArgumentException("an hba line must be one line without comments");
        }
    }
}
