package io.drsuite.cli.commands.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PrimaryMoveTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheNewAndTheOldPrimaryFromThePromotionsArtifacts() throws Exception {
        String task = """
                {"steps": [{"name": "choose-candidate", "artifacts": {"candidate": "prod-2"}},
                           {"name": "promote-standby", "artifacts": {"newPrimary": "prod-2", "oldPrimary": "prod-1",
                                                                       "estimatedDataLossBytes": "0"}}]}""";

        assertThat(PrimaryMove.line("prod", json.readTree(task))).isEqualTo("prod-2 is now the primary of prod "
                + "(was prod-1)");
    }

    @Test
    void nothingToSayWhenNoStepRecordedANewPrimary() throws Exception {
        assertThat(PrimaryMove.line("prod", json.readTree("{\"steps\": [{\"name\": \"fence\"}]}"))).isNull();
    }
}
