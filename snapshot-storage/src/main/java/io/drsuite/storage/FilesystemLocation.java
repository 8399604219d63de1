package io.drsuite.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A folder on a filesystem the service can reach (local disk, NFS, a mounted volume). An upload is written next to
 * its final name with a {@code .partial} suffix, flushed to disk and renamed on commit.
 */
public final class FilesystemLocation implements StorageLocation {

    private static final String PARTIAL = ".partial";

    private final String name;
    private final Path root;

    public FilesystemLocation(String name, Path root) {
        this.name = name;
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String describe() {
        return "filesystem " + root;
    }

    @Override
    public String locate(String key) {
        return resolve(key).toString();
    }

    @Override
    public ObjectUpload upload(String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL);
        FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new ObjectUpload() {
            @Override
            protected void store(byte[] bytes, int offset, int length) throws IOException {
                ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }

            @Override
            protected String complete() throws IOException {
                try (channel) {
                    channel.force(true);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return key;
            }

            @Override
            protected void discard() throws IOException {
                channel.close();
                Files.deleteIfExists(partial);
            }
        };
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(resolve(key));
    }

    @Override
    public long size(String key) throws IOException {
        return Files.size(resolve(key));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    /** Removes the object and the folders it leaves empty, up to the location's root. */
    @Override
    public void delete(String key) throws IOException {
        Path target = resolve(key);
        Files.deleteIfExists(target);
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + PARTIAL));
        for (Path folder = target.getParent(); !folder.equals(root); folder = folder.getParent()) {
            try (var entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            } catch (java.nio.file.NoSuchFileException e) {
                continue;
            }
            Files.deleteIfExists(folder);
        }
    }

    /** Keys are made by the suite, but a key must still never reach outside the folder. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("object key leaves the storage folder: " + key);
        }
        return path;
    }
}
