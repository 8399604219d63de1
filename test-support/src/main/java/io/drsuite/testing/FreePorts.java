package io.drsuite.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A loopback port for a server a test starts, never handed out twice in a test run, whichever test JVM asks (the
 * test command runs two lanes of modules side by side, and a run registers hundreds of servers). A port the operating
 * system picks could be one an earlier test's server had, still registered with a service under that address, which
 * then refuses the new one as a duplicate. So the ports come, in turn, from a range below the operating system's
 * ephemeral ones, counted in a file of the test run directory under a file lock (which the test command empties
 * at its start); one in use is skipped, and after the last one the count starts again at the first.
 */
public final class FreePorts {

    static final int FIRST = 20_000;
    static final int LAST = 24_999;

    private FreePorts() {
    }

    public static synchronized int next() {
        Path counter = RepositoryRoot.testRunDir().resolve("ports").resolve("next");
        try {
            Files.createDirectories(counter.getParent());
            try (FileChannel channel = FileChannel.open(counter, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                int candidate = read(channel);
                for (int tried = 0; tried <= LAST - FIRST; tried++) {
                    int port = candidate;
                    candidate = port == LAST ? FIRST : port + 1;
                    if (free(port)) {
                        write(channel, candidate);
                        return port;
                    }
                }
                throw new IllegalStateException("no free port in " + FIRST + "-" + LAST + " (" + counter + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES);
        channel.position(0);
        int next = channel.read(buffer) == Integer.BYTES ? buffer.flip().getInt() : FIRST;
        return next < FIRST || next > LAST ? FIRST : next;
    }

    private static void write(FileChannel channel, int next) throws IOException {
        channel.position(0);
        channel.write(ByteBuffer.allocate(Integer.BYTES).putInt(next).flip());
        channel.force(false);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
