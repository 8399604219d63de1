package io.drsuite.snapshot.wal;

import io.drsuite.snapshot.model.WalArchive;
import java.util.List;

/**
 * The archived WAL a restore from a base snapshot stages and replays: the archive, its runs of consecutive segments
 * from the base's start on (oldest first, {@code <first> <last>} each) and the timeline history files.
 */
public record WalToReplay(WalArchive archive, List<String> segmentRuns,
        List<String> historyFiles) {

    public WalToReplay {
        segmentRuns = List.copyOf(segmentRuns);
        historyFiles = List.copyOf(historyFiles);
    }
}
