package io.drsuite.task.pitr;

import static io.drsuite.events.task.WalTasks.WAL_BYTES_STAGED;
import static io.drsuite.events.task.WalTasks.WAL_KEY_PREFIX;
import static io.drsuite.events.task.WalTasks.WAL_STORAGE;

import io.drsuite.clusterclient.host.NodeFiles;
import io.drsuite.events.task.WalTasks;
import io.drsuite.storage.StorageLocation;
import io.drsuite.storage.StorageLocations;
import io.drsuite.task.dr.NodeControl;
import io.drsuite.task.engine.StepContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Puts the archived WAL a restore needs on the node's host: each file is read from storage, decompressed here and
 * written through the node's host executor, as the node's OS user, into a folder next to the data directory that
 * names the task ({@code <data>.drsuite-wal-<task id>}). The server's {@code restore_command} copies from there.
 */
@ApplicationScoped
public class WalStaging {

    private static final String SUFFIX = ".drsuite-wal-";
    /** Writes standard input to the file {@code $1}; the path is an argument, never part of the script. */
    private static final String WRITE = "cat > \"$1\"";

    private final StorageLocations locations;

    WalStaging(StorageLocations locations) {
        this.locations = locations;
    }

    public static String folder(NodeControl node, StepContext context) {
        return node.node().dataDirectory() + SUFFIX + context.taskId();
    }

    /**
     * Stages every file, history files first. All of them are looked up before anything is written, so a missing
     * one fails the step with its name and leaves nothing behind.
     */
    public void stage(StepContext context, NodeControl node, ArchivedWal wal) throws IOException {
        StorageLocation location = locations.get(context.parameter(WAL_STORAGE));
        String prefix = context.parameter(WAL_KEY_PREFIX);
        List<String> files = wal.files();
        List<String> missing = new ArrayList<>();
        for (String file : files) {
            if (!location.exists(WalTasks.objectKey(prefix, file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("archived WAL missing from " + location.describe() + " under " + prefix
                    + ": " + String.join(", ", missing));
        }
        String folder = folder(node, context);
        NodeFiles host = node.files();
        host.makeDirectory(folder);
        for (int i = 0; i < files.size(); i++) {
            String file = files.get(i);
            try (InputStream archived = new GZIPInputStream(location.open(WalTasks.objectKey(prefix, file)))) {
                host.executor().runFeeding(List.of("sh", "-c", WRITE, "sh", folder + "/" + file), archived,
                        context.remaining(), null).orThrow();
            }
            context.progress((i + 1) * 100 / files.size());
        }
        long bytes = stagedBytes(node, folder);
        context.record(WAL_BYTES_STAGED, String.valueOf(bytes));
        context.log("staged " + files.size() + " archived WAL files (" + bytes + " bytes) from "
                + location.describe() + " in " + folder + " on " + node.node());
    }

    public void remove(StepContext context, NodeControl node) {
        String folder = folder(node, context);
        if (node.files().exists(folder)) {
            node.files().remove(folder);
            context.log("removed the staged WAL " + folder + " on " + node.node());
        }
    }

    private static long stagedBytes(NodeControl node, String folder) {
        String sizes = node.node().executor().run(List.of("find", folder, "-maxdepth", "1", "-type", "f", "-printf",
                "%s\n"), Duration.ofSeconds(60)).orThrow().stdout();
        return sizes.lines().filter(line -> !line.isBlank()).mapToLong(Long::parseLong).sum();
    }
}
