package io.drsuite.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.drsuite.cli.Drctl;
import io.drsuite.cli.ExitCode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command lines the in-cluster commands refuse before asking the suite anything. */
class InClusterUsageTest {

    private static int run(String... args) {
        return Drctl.run(Map.of("NO_COLOR", "1"), args);
    }

    @Test
    void aSwitchoverNeedsTheNodeToPromote() {
        assertThat(run("cluster", "switchover", "prod")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aFailoverNeedsAReason() {
        assertThat(run("cluster", "failover", "prod", "--yes")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aRebuildModeIsAutoIncrementalOrFull() {
        assertThat(run("node", "rebuild", "prod", "prod-1", "--mode", "sideways")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void removingANodeNeedsAReason() {
        assertThat(run("node", "remove", "prod", "prod-3", "--yes")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aRoutingCheckNeedsTheCluster() {
        assertThat(run("routing", "check")).isEqualTo(ExitCode.USAGE);
    }
}
