package io.drsuite.cli.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The cached sign-in, in {@code session.json} of drctl's config directory. The file is created with mode 600 (the
 * directory 700) before anything is written to it, and replaced atomically, so no other user can read a token even
 * for a moment.
 */
public final class SessionStore {

    private static final String FILE = "session.json";
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path directory;
    private final ObjectMapper json;

    public SessionStore(Path directory, ObjectMapper json) {
        this.directory = directory;
        this.json = json;
    }

    public Path file() {
        return directory.resolve(FILE);
    }

    public Optional<Session> load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(file.toFile(), Session.class));
        } catch (IOException e) {
            // An unreadable or outdated session file is as good as none: signing in again writes a new one.
            return Optional.empty();
        }
    }

    public void save(Session session) {
        try {
            createPrivateDirectory();
            // a name of its own: two drctl renewing the session at once must not write into each other's file
            Path temporary = Files.createTempFile(directory, FILE + ".", ".tmp", PRIVATE_FILE);
            try {
                json.writeValue(temporary.toFile(), session);
                Files.move(temporary, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw CliFailure.usage("cannot write the session file " + file() + ": " + e.getMessage());
        }
    }

    /** @return whether there was a session to forget */
    public boolean forget() {
        try {
            return Files.deleteIfExists(file());
        } catch (IOException e) {
            throw CliFailure.usage("cannot remove the session file " + file() + ": " + e.getMessage());
        }
    }

    private void createPrivateDirectory() throws IOException {
        if (!Files.isDirectory(directory)) {
            try {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another drctl: fine
            }
        }
    }
}
