package io.drsuite.cli.commands.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drsuite.cli.CliFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InlineCheckTest {

    @Test
    void theSqlComesLastAndMayHoldTheSeparator() {
        assertThat(InlineCheck.parse("names|ab|select 'a' || 'b'", "shop")).isEqualTo(Map.of("name", "names",
                "database", "shop", "sql", "select 'a' || 'b'", "expected", "ab"));
        assertThat(InlineCheck.parse("empty|| select ''", null)).doesNotContainKey("database")
                .containsEntry("expected", "").containsEntry("sql", "select ''");
    }

    @Test
    void aCheckWithoutNameOrSqlIsAUsageError() {
        for (String bad : new String[] {"only-a-name", "name|true", "|true|select true", "name|true|  "}) {
            assertThatThrownBy(() -> InlineCheck.parse(bad, null)).isInstanceOf(CliFailure.class)
                    .hasMessageContaining("NAME|EXPECTED|SQL");
        }
    }
}
