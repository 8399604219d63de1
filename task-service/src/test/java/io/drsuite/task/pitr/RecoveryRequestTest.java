package io.drsuite.task.pitr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.clusterclient.files.AutoConf;
import io.drsuite.clusterclient.sql.Lsn;
import io.drsuite.events.task.WalTasks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a point-in-time restore checks before it touches a node: the target's format, the WAL file names and runs,
 * and the staging folder a restore_command can name; and how the settings are quoted in postgresql.auto.conf.
 */
class RecoveryRequestTest {

    private static final long SEGMENT = 16L * 1024 * 1024;

    @Test
    void targetsAreCheckedAndWrittenAsTheServerReadsThem() {
        assertThat(target("time", "2026-12-03T04:50:00.123456Z", false).settings())
                .containsEntry("recovery_target_time", "2026-12-03 04:50:00.123456+00")
                .containsEntry("recovery_target_action", "promote");
        assertThat(target("lsn", "0/3000a60", true).settings()).containsEntry("recovery_target_lsn", "0/3000A60")
                .containsEntry("recovery_target_action", "pause");
        assertThat(target("latest", null, false).settings()).isEmpty();

        assertThatThrownBy(() -> target("time", "yesterday", false)).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> target("lsn", "0/3000060'; x", false)).hasMessageContaining("not a WAL position");
        assertThatThrownBy(() -> target("restore-point", "x".repeat(64), false)).hasMessageContaining("63");
        assertThatThrownBy(() -> target("latest", null, true)).hasMessageContaining("pausing needs a target");
        assertThatThrownBy(() -> target("xid", "7", false)).hasMessageContaining("unknown");
    }

    @Test
    void aRestorePointNameWithQuotesSurvivesTheConfigurationFile() {
        AutoConf conf = AutoConf.parse("");
        target("restore-point", "before 'the' \\migration", false).settings().forEach(conf::set);
        String written = conf.render();
        assertThat(written).contains("recovery_target_name = 'before ''the'' \\\\migration'");
        assertThat(AutoConf.parse(written).get("recovery_target_name")).contains("before 'the' \\migration");
    }

    @Test
    void theRestoreCommandQuotesTheFolderAndRefusesOneItCannotName() {
        assertThat(RecoverySettings.restoreCommand("/var/lib/pg data/x.drsuite-wal-1"))
                .isEqualTo("cp '/var/lib/pg data/x.drsuite-wal-1/%f' '%p'");
        for (String folder : new String[] {"/a'b", "/a\"b", "/a%fb", "/a\\b", "/a\nb"}) {
            assertThatThrownBy(() -> RecoverySettings.restoreCommand(folder)).isInstanceOf(
                    IllegalArgumentException.class);
        }
    }

    @Test
    void segmentRunsExpandAcrossALogIdAndEndWhereTheLastSegmentEnds() {
        ArchivedWal wal = ArchivedWal.of(Map.of(WalTasks.WAL_SEGMENT_RUNS,
                "0000000100000000000000FE 000000010000000100000001\n000000020000000100000002 000000020000000100000002",
                WalTasks.WAL_HISTORY_FILES, "00000002.history"), SEGMENT);
        assertThat(wal.files()).containsExactly("00000002.history", "0000000100000000000000FE",
                "0000000100000000000000FF", "000000010000000100000000", "000000010000000100000001",
                "000000020000000100000002");
        assertThat(wal.end()).isEqualTo(Lsn.parse("1/3000000"));
    }

    @Test
    void walFileNamesThatAreNotPostgresOnesAreRefused() {
        for (String runs : new String[] {"000000010000000000000003", "../../etc/passwd 000000010000000000000003",
                "000000010000000000000003 000000020000000000000004", "000000010000000000000005 "
                        + "000000010000000000000003", "000000010000000000000100 000000010000000000000101", ""}) {
            assertThatThrownBy(() -> ArchivedWal.of(Map.of(WalTasks.WAL_SEGMENT_RUNS, runs), SEGMENT))
                    .as(runs).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ArchivedWal.of(Map.of(WalTasks.WAL_SEGMENT_RUNS,
                "000000010000000000000003 000000010000000000000003", WalTasks.WAL_HISTORY_FILES, "../x.history"),
                SEGMENT)).hasMessageContaining("history");
    }

    private static RecoveryTarget target(String kind, String value, boolean pause) {
        Map<String, String> parameters = new java.util.HashMap<>(Map.of(WalTasks.RECOVERY_TARGET_KIND, kind,
                WalTasks.PAUSE_AT_TARGET, String.valueOf(pause)));
        if (value != null) {
            parameters.put(WalTasks.RECOVERY_TARGET, value);
        }
        return RecoveryTarget.of(parameters);
    }
}
