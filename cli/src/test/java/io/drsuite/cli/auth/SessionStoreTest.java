package io.drsuite.cli.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SessionStoreTest {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path home;

    static Session session(String accessToken) {
        return new Session("http://127.0.0.1:1/realms/drsuite", "drsuite-cli", "http://127.0.0.1:1/token",
                "password", accessToken, Instant.parse("2030-01-01T00:00:00Z"), "refresh-" + accessToken,
                Instant.parse("2030-01-01T01:00:00Z"));
    }

    @Test
    void theSessionIsWrittenInAPrivateFileInAPrivateDirectoryAndReadBack() throws IOException {
        Path directory = home.resolve(".config/drctl");
        SessionStore store = new SessionStore(directory, JSON);

        store.save(session("a1"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        assertThat(store.load()).contains(session("a1"));
    }

    @Test
    void savingAgainReplacesTheFileWholeAndLeavesNothingBeside() throws IOException {
        SessionStore store = new SessionStore(home.resolve("drctl"), JSON);
        store.save(session("a-long-first-token-" + "x".repeat(500)));
        Object before = Files.readAttributes(store.file(), "unix:ino").get("ino");

        store.save(session("a2"));

        assertThat(store.load()).contains(session("a2"));
        assertThat(Files.readAttributes(store.file(), "unix:ino").get("ino"))
                .as("a new file renamed over the old one, not the old one rewritten in place").isNotEqualTo(before);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
        try (Stream<Path> files = Files.list(home.resolve("drctl"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("session.json");
        }
    }

    @Test
    void drctlsSavingAtOnceLeaveOneWholeSession() throws Exception {
        SessionStore store = new SessionStore(home.resolve("drctl"), JSON);
        List<Thread> savers = IntStream.range(0, 8).mapToObj(i -> Thread.ofPlatform().start(() -> {
            for (int round = 0; round < 20; round++) {
                new SessionStore(home.resolve("drctl"), JSON).save(session("t" + i + "-" + round));
            }
        })).toList();
        for (Thread saver : savers) {
            saver.join();
        }

        assertThat(store.load()).hasValueSatisfying(session -> assertThat(session.accessToken()).endsWith("-19"));
        try (Stream<Path> files = Files.list(home.resolve("drctl"))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void anUnreadableOrForeignFileMeansNotSignedIn() throws IOException {
        Path directory = Files.createDirectories(home.resolve("drctl"));
        SessionStore store = new SessionStore(directory, JSON);
        assertThat(store.load()).isEmpty();

        Files.writeString(store.file(), "{\"accessToken\": \"tru");
        assertThat(store.load()).isEmpty();

        Files.writeString(store.file(), "[1, 2, 3]");
        assertThat(store.load()).isEmpty();

        Files.delete(store.file());
        Files.createDirectory(store.file());
        assertThat(store.load()).isEmpty();
    }

    @Test
    void aFileTheUserMayNotReadMeansNotSignedIn() throws IOException {
        SessionStore store = new SessionStore(home.resolve("drctl"), JSON);
        store.save(session("a1"));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("---------"));
        boolean root = Files.isReadable(store.file());

        // root reads any file; there the check is only that load() does not throw
        assertThat(store.load().isEmpty()).isEqualTo(!root);
    }

    @Test
    void forgettingRemovesTheFileAndSaysWhetherThereWasOne() {
        SessionStore store = new SessionStore(home.resolve("drctl"), JSON);
        store.save(session("a1"));

        assertThat(store.forget()).isTrue();
        assertThat(store.file()).doesNotExist();
        assertThat(store.load()).isEmpty();
        assertThat(store.forget()).isFalse();
    }

    @Test
    void theTokensNeverAppearInTheSessionsText() {
        assertThat(session("secret-access").toString()).doesNotContain("secret-access", "refresh-secret-access");
    }
}
