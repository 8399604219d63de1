package io.drsuite.clusterclient.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Reads a command's output stream to its end, keeping the last {@value #LIMIT} bytes and passing each line to an
 * optional listener. Lines end at a newline or a carriage return (progress meters rewrite their line with CR).
 */
final class OutputCollector {

    static final int LIMIT = 256 * 1024;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    OutputCollector(Consumer<String> lines) {
        this.lines = lines;
    }

    void drain(InputStream stream) {
        try (stream) {
            int b;
            while ((b = stream.read()) != -1) {
                if (kept.size() >= LIMIT) {
                    keepSecondHalf();
                }
                kept.write(b);
                if (b == '\n' || b == '\r') {
                    emitLine();
                } else {
                    line.write(b);
                }
            }
            emitLine();
        } catch (IOException e) {
            // The JDK closes a process's pipe once the process has exited and been reaped (and a killed command
            // exits at once): a read racing that sees "Stream closed". What was read is kept; the output ended.
            emitLine();
        }
    }

    /** Long outputs (progress meters) keep their end, where an error message is. */
    private void keepSecondHalf() {
        byte[] all = kept.toByteArray();
        kept.reset();
        kept.write(all, all.length / 2, all.length - all.length / 2);
    }

    String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    private void emitLine() {
        if (line.size() > 0 && lines != null) {
            lines.accept(line.toString(StandardCharsets.UTF_8));
        }
        line.reset();
    }
}
