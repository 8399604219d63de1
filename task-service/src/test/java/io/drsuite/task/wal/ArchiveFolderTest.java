package io.drsuite.task.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a crash of the service, its next run finds the pg_receivewal it left through the pid file and stops it, but
 * never a process that merely got the same pid.
 */
class ArchiveFolderTest {

    private static final String PG_RECEIVEWAL = Path.of(System.getenv().getOrDefault("DRSUITE_PG_BIN",
            "/usr/lib/postgresql/15/bin"), "pg_receivewal").toString();

    @TempDir
    Path staging;

    @Test
    void stopsThePgReceivewalItsPidFileNamesAndOnlyThat() throws Exception {
        ArchiveFolder folder = ArchiveFolder.of(staging.toString(), UUID.randomUUID()).create();
        // A server that accepts the connection and never answers keeps pg_receivewal running, like a stream.
        ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Process leftBehind = new ProcessBuilder(PG_RECEIVEWAL, "--host=127.0.0.1", "--port=" + silent.getLocalPort(),
                "--directory=" + folder.walDirectory(), "--no-password").start();
        Process stranger = new ProcessBuilder("sleep", "60").start();
        try (silent) {
            Thread.sleep(300);
            assertThat(leftBehind.isAlive()).as("pg_receivewal waiting for the server").isTrue();
            folder.recordPid(stranger.pid());
            assertThat(folder.stopLeftBehind()).isEmpty();
            assertThat(stranger.isAlive()).as("another program with the recorded pid").isTrue();

            folder.recordPid(leftBehind.pid());
            assertThat(folder.stopLeftBehind()).contains(leftBehind.pid());
            assertThat(leftBehind.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            try (var left = Files.list(folder.walDirectory().getParent())) {
                assertThat(left.map(path -> path.getFileName().toString()).toList()).as("pid file gone")
                        .isEqualTo(List.of("wal"));
            }
        } finally {
            leftBehind.destroyForcibly();
            stranger.destroyForcibly();
        }
        folder.delete();
        assertThat(folder.walDirectory().getParent()).doesNotExist();
    }
}
