package io.drsuite.cli.commands.bin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.drsuite.cli.CliFailure;
import io.drsuite.cli.ExitCode;
import org.junit.jupiter.api.Test;

class BinEntriesTest {

    /** Newest first, as recyclebin-service lists them. */
    private final JsonNode entries;

    BinEntriesTest() throws Exception {
        entries = new ObjectMapper().readTree("""
                [{"id": "e3", "cluster": "prod", "database": "shop", "kind": "table", "originalSchema": "public",
                  "originalName": "orders"},
                 {"id": "e2", "cluster": "prod", "database": "shop", "kind": "table", "originalSchema": "sales",
                  "originalName": "orders"},
                 {"id": "e1", "cluster": "prod", "database": "shop", "kind": "table", "originalSchema": "public",
                  "originalName": "orders"},
                 {"id": "e0", "cluster": "prod", "database": "shop", "kind": "table", "originalSchema": "public",
                  "originalName": "customers"}]""");
    }

    @Test
    void theLatestDropOfASchemaQualifiedNameIsMeant() {
        assertThat(BinEntries.pick(entries, "public.orders", "prod", null).path("id").asText()).isEqualTo("e3");
        assertThat(BinEntries.pick(entries, "sales.orders", "prod", null).path("id").asText()).isEqualTo("e2");
        assertThat(BinEntries.pick(entries, "customers", null, null).path("id").asText()).isEqualTo("e0");
    }

    @Test
    void aBareNameInTwoSchemasMustBeSaidMorePrecisely() {
        assertThatThrownBy(() -> BinEntries.pick(entries, "orders", "prod", null)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("prod/shop/public.orders").hasMessageContaining("prod/shop/sales.orders")
                .extracting(failure -> ((CliFailure) failure).exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void aNameNotInTheBinIsRefused() {
        assertThatThrownBy(() -> BinEntries.pick(entries, "invoices", "prod", null)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("nothing named 'invoices'")
                .extracting(failure -> ((CliFailure) failure).exitCode()).isEqualTo(ExitCode.REFUSED);
    }
}
