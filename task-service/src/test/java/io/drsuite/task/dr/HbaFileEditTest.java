package io.drsuite.task.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.drsuite.clusterclient.Login;
import io.drsuite.clusterclient.NodeEndpoint;
import io.drsuite.clusterclient.files.HbaBlock;
import io.drsuite.clusterclient.host.FileTooLargeException;
import io.drsuite.clusterclient.host.LocalHostExecutor;
import io.drsuite.clusterclient.host.PostgresTools;
import io.drsuite.clusterclient.sql.NodeConnector;
import io.drsuite.events.cluster.ClusterNode;
import io.drsuite.events.cluster.HostAccess;
import io.drsuite.events.cluster.HostAccessKind;
import io.drsuite.events.cluster.NodeRole;
import io.drsuite.testing.PostgresInstance;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Editing a node's {@code pg_hba.conf} through the local host executor against a real PostgreSQL 15: the file the
 * server names is the one edited, an edit replaces the file whole (temporary file and rename), and a file too large
 * to read whole is refused and left as it was.
 */
class HbaFileEditTest {

    private static final Login ADMIN = new Login(PostgresInstance.SUPERUSER, PostgresInstance.SUPERUSER_PASSWORD);
    private static final Login PROBE = new Login("hba_probe", "probe-pw");
    private static final String REJECT_PROBE = "host all hba_probe 127.0.0.1/32 reject";
    private static final HbaBlock BLOCK = new HbaBlock("hba-test", List.of(REJECT_PROBE));
    private static final NodeConnector CONNECTOR = new NodeConnector(Duration.ofSeconds(2), Duration.ofSeconds(10),
            "test");

    @Test
    void theFileTheServerNamesIsEditedEvenOutsideTheDataDirectory() throws Exception {
        try (PostgresInstance postgres = server("hba-outside")) {
            Path folder = postgres.siblingFolder("conf");
            Path outside = folder.resolve("pg_hba.conf");
            Files.createDirectories(folder);
            Files.copy(postgres.dataDirectory().resolve("pg_hba.conf"), outside);
            ownByPostgres(folder);
            ownByPostgres(outside);
            postgres.execute("alter system set hba_file = '" + outside + "'");
            postgres.stop();
            postgres.start();
            byte[] inDataDirectory = Files.readAllBytes(postgres.dataDirectory().resolve("pg_hba.conf"));
            NodeControl control = control(postgres);
            assertEquals(outside.toString(), control.hbaFile(ADMIN));
            assertTrue(control.answers(PROBE));

            control.applyHba(BLOCK, ADMIN);
            postgres.execute("select pg_reload_conf()");

            assertTrue(Files.readString(outside).contains(REJECT_PROBE), "the hba_file the server uses was not edited");
            assertArrayEquals(inDataDirectory, Files.readAllBytes(postgres.dataDirectory().resolve("pg_hba.conf")));
            assertTrue(eventually(() -> !control.answers(PROBE)), "the server did not apply the new rule");

            control.removeHba(BLOCK, ADMIN);
            postgres.execute("select pg_reload_conf()");
            assertTrue(eventually(() -> control.answers(PROBE)), "the rule was not removed");
        }
    }

    @Test
    void anEditReplacesTheFileThroughATemporaryFileKeepingOwnerAndMode() throws Exception {
        try (PostgresInstance postgres = server("hba-rename")) {
            Path hba = postgres.dataDirectory().resolve("pg_hba.conf");
            String original = Files.readString(hba);
            Object inode = Files.getAttribute(hba, "unix:ino");
            UserPrincipal owner = Files.getOwner(hba);
            var mode = Files.getPosixFilePermissions(hba);
            NodeControl control = control(postgres);

            control.applyHba(BLOCK, ADMIN);

            assertNotEquals(inode, Files.getAttribute(hba, "unix:ino"), "the file was rewritten in place");
            assertEquals(owner, Files.getOwner(hba));
            assertEquals(mode, Files.getPosixFilePermissions(hba));
            assertEquals("# BEGIN drsuite hba-test\n" + REJECT_PROBE + "\n# END drsuite hba-test\n" + original,
                    Files.readString(hba));
            assertEquals(List.of(), leftovers(hba));

            control.removeHba(BLOCK, ADMIN);
            assertEquals(original, Files.readString(hba));
        }
    }

    @Test
    void aFileLargerThanCanBeReadWholeIsRefusedAndLeftByteIdentical() throws Exception {
        try (PostgresInstance postgres = server("hba-large")) {
            Path hba = postgres.dataDirectory().resolve("pg_hba.conf");
            StringBuilder filler = new StringBuilder();
            while (filler.length() < 300 * 1024) {
                filler.append("# a long comment kept by the DBA, line ").append(filler.length()).append('\n');
            }
            Files.writeString(hba, filler, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            byte[] before = Files.readAllBytes(hba);
            Object inode = Files.getAttribute(hba, "unix:ino");
            NodeControl control = control(postgres);

            RuntimeException refused = null;
            try {
                control.applyHba(BLOCK, ADMIN);
            } catch (RuntimeException e) {
                refused = e;
            }

            assertArrayEquals(before, Files.readAllBytes(hba), "the file was changed");
            assertEquals(inode, Files.getAttribute(hba, "unix:ino"));
            assertNotNull(refused, "a file larger than can be read whole was edited");
            assertInstanceOf(FileTooLargeException.class, refused);
            assertTrue(refused.getMessage().contains(String.valueOf(before.length)), refused.getMessage());
            assertEquals(List.of(), leftovers(hba));
        }
    }

    private static PostgresInstance server(String name) {
        PostgresInstance postgres = PostgresInstance.primary(name);
        postgres.execute("create role hba_probe login password 'probe-pw'");
        return postgres;
    }

    private static NodeControl control(PostgresInstance postgres) {
        ManagedNode node = new ManagedNode(new ClusterNode(postgres.name(), "127.0.0.1", postgres.port(),
                postgres.dataDirectory().toString(), NodeRole.PRIMARY,
                new HostAccess(HostAccessKind.LOCAL, "postgres", null, null, null, null)),
                new NodeEndpoint(postgres.name(), "127.0.0.1", postgres.port()), new LocalHostExecutor("postgres"),
                new PostgresTools(System.getenv().getOrDefault("DRSUITE_PG_BIN", "/usr/lib/postgresql/15/bin")));
        return new NodeControl(node, CONNECTOR);
    }

    /** Files beside {@code file} that an edit left behind. */
    private static List<String> leftovers(Path file) throws IOException {
        try (Stream<Path> entries = Files.list(file.getParent())) {
            return entries.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith(file.getFileName().toString() + "."))
                    .toList();
        }
    }

    private static void ownByPostgres(Path path) throws IOException {
        var lookup = path.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName("postgres"));
        view.setGroup(lookup.lookupPrincipalByGroupName("postgres"));
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------"
                : "rw-------"));
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < giveUp) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
