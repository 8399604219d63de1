package io.drsuite.cli.commands.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreScopeTest {

    @Test
    void aLogicalRestoreIntoANewDatabaseReplacesNothing() {
        assertThat(RestoreScope.replaces("logical", false, null)).isFalse();
        assertThat(RestoreScope.replaces("logical", false, List.of())).isFalse();
    }

    @Test
    void physicalRestoresNamedTablesAndReplaceAskedForReplaceData() {
        assertThat(RestoreScope.replaces("physical", false, null)).isTrue();
        assertThat(RestoreScope.replaces("logical", false, List.of("public.orders"))).isTrue();
        assertThat(RestoreScope.replaces("logical", true, null)).isTrue();
    }

    @Test
    void theConfirmationSaysWhatIsReplaced() {
        assertThat(RestoreScope.consequence("physical", "prod", null, null, null)).contains("data directory")
                .contains("main node").contains("prod");
        assertThat(RestoreScope.consequence("logical", "prod", "shop", null, List.of("public.orders")))
                .contains("rows of public.orders in database shop");
        assertThat(RestoreScope.consequence("logical", "prod", "shop", null, null))
                .contains("replaces database shop of cluster prod");
    }
}
