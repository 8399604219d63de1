package io.drsuite.task.wal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Telling pg_receivewal's files by name, and where a segment lies in WAL for a given segment size. */
class WalFileTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void segmentsPartialsAndHistoriesAreToldByNameAndNothingElseIs() {
        WalFile segment = WalFile.parse("00000003000000020000004F").orElseThrow();
        assertThat(segment.kind()).isEqualTo(WalFile.Kind.SEGMENT);
        assertThat(segment.timeline()).isEqualTo(3);
        WalFile partial = WalFile.parse("000000010000000000000007.partial").orElseThrow();
        assertThat(partial.kind()).isEqualTo(WalFile.Kind.PARTIAL);
        assertThat(partial.startLsn(16 * MIB)).hasToString("0/7000000");
        WalFile history = WalFile.parse("0000000A.history").orElseThrow();
        assertThat(history.kind()).isEqualTo(WalFile.Kind.HISTORY);
        assertThat(history.timeline()).isEqualTo(10);
        assertThat(List.of("00000002.history.tmp", "000000010000000000000007.gz", "0000000100000000000000070",
                "000000010000000000000007.partial.tmp", "pg_receivewal.pid", "00000001000000000000000g"))
                .allSatisfy(name -> assertThat(WalFile.parse(name)).as(name).isEqualTo(Optional.empty()));
    }

    @Test
    void aSegmentsPositionFollowsTheServersSegmentSize() {
        WalFile segment = WalFile.parse("00000003000000020000004F").orElseThrow();
        assertThat(segment.startLsn(16 * MIB)).hasToString("2/4F000000");
        assertThat(segment.endLsn(16 * MIB)).hasToString("2/50000000");
        WalFile last = WalFile.parse("0000000100000002000000FF").orElseThrow();
        assertThat(last.endLsn(16 * MIB)).hasToString("3/0");
        WalFile large = WalFile.parse("000000010000000100000003").orElseThrow();
        assertThat(large.startLsn(1024 * MIB)).hasToString("1/C0000000");
        assertThat(large.endLsn(1024 * MIB)).hasToString("2/0");
    }

    @Test
    void historiesComeFirstThenFilesInWalOrder() {
        List<WalFile> files = List.of("000000020000000000000005", "00000002.history",
                "000000010000000000000004.partial", "000000020000000000000004", "000000010000000000000003").stream()
                .map(name -> WalFile.parse(name).orElseThrow()).sorted(WalFile.ARCHIVE_ORDER).toList();
        assertThat(files).extracting(WalFile::name).containsExactly("00000002.history", "000000010000000000000003",
                "000000010000000000000004.partial", "000000020000000000000004", "000000020000000000000005");
    }
}
