package io.drsuite.cli.output;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrinterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RELATIONSHIPS = """
            [{"name":"shop","state":"normal","lag":{"bytes":1234567,"seconds":0.25},"tags":["eu","gold"],
              "primary":{"cluster":"prod","state":"archive"},"note":null,"big":12345678901234567890},
             {"name":"šop ü","state":"switchover","lag":{"bytes":0,"seconds":0},"tags":[],
              "primary":{"cluster":"prod-2","state":"full_backup"}}]""";
    private static final List<Column> COLUMNS = List.of(Column.of("NAME", "name"), Column.of("STATE", "state"),
            Column.of("PRIMARY", "primary.cluster"), Column.of("LAG", node -> Json.bytes(Json.at(node, "lag.bytes"))),
            Column.of("TAGS", "tags"), Column.of("NOTE", "note"));

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private Printer printer(OutputFormat format, boolean colour) {
        return new Printer(new Terminal(new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8),
                colour, colour, 100), format, JSON);
    }

    @Test
    void jsonIsTheApisDocumentUnchanged() throws Exception {
        JsonNode document = JSON.readTree(RELATIONSHIPS);

        printer(OutputFormat.json, false).list(document, COLUMNS);

        assertThat(JSON.readTree(out.toString(UTF_8))).isEqualTo(document);
        assertThat(out.toString(UTF_8)).contains("12345678901234567890").doesNotContain("NAME");
    }

    @Test
    void yamlIsTheSameDocumentInYaml() throws Exception {
        JsonNode document = JSON.readTree(RELATIONSHIPS);

        printer(OutputFormat.yaml, false).list(document, COLUMNS);

        assertThat(new YAMLMapper().readTree(out.toString(UTF_8))).isEqualTo(document);
        assertThat(out.toString(UTF_8)).startsWith("- name: shop\n").doesNotContain("---", "{");
    }

    @Test
    void aTableForPeopleHasTheChosenColumnsAligned() throws Exception {
        printer(OutputFormat.table, false).list(JSON.readTree(RELATIONSHIPS), COLUMNS);

        assertThat(out.toString(UTF_8)).isEqualTo("""
                NAME   STATE       PRIMARY  LAG     TAGS      NOTE
                shop   normal      prod     1.2 MB  eu, gold
                šop ü  switchover  prod-2   0 B
                """);
    }

    @Test
    void anEmptyListSaysNone() {
        printer(OutputFormat.table, false).list(JSON.createArrayNode(), COLUMNS);

        assertThat(out.toString(UTF_8)).isEqualTo("(none)\n");
    }

    @Test
    void anObjectIsALinePerField() throws Exception {
        printer(OutputFormat.table, false).object(JSON.readTree(RELATIONSHIPS).get(0),
                List.of(Column.of("Name", "name"), Column.of("Primary cluster", "primary.cluster")));

        assertThat(out.toString(UTF_8)).isEqualTo("Name:            shop\nPrimary cluster: prod\n");
    }

    @Test
    void headersAreBoldOnlyWithColours() throws Exception {
        printer(OutputFormat.table, true).list(JSON.readTree(RELATIONSHIPS), COLUMNS);

        assertThat(out.toString(UTF_8)).startsWith("\u001b[1mNAME");
    }

    @Test
    void messagesGoToStderrWhenStdoutIsForScripts() {
        printer(OutputFormat.json, false).message("Accepted");
        printer(OutputFormat.table, false).message("Done");

        assertThat(err.toString(UTF_8)).isEqualTo("Accepted\n");
        assertThat(out.toString(UTF_8)).isEqualTo("Done\n");
    }
}
