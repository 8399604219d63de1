package io.drsuite.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints an API document the way {@code -o} asks: as a table of chosen columns, or unchanged as JSON or YAML (the
 * API's own shape, which scripts can rely on).
 */
public final class Printer {

    private final Terminal terminal;
    private final OutputFormat format;
    private final ObjectMapper json;
    private final ObjectMapper yaml;

    public Printer(Terminal terminal, OutputFormat format, ObjectMapper json) {
        this.terminal = terminal;
        this.format = format;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
        this.yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    }

    public OutputFormat format() {
        return format;
    }

    /** Whether people read the output (a table), so messages and progress may go to stdout. */
    public boolean forPeople() {
        return format == OutputFormat.table;
    }

    /** A list: one row per element. */
    public void list(JsonNode items, List<Column> columns) {
        if (!forPeople()) {
            document(items);
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        if (items != null && items.isArray()) {
            for (JsonNode item : items) {
                rows.add(columns.stream().map(column -> column.value().apply(item)).toList());
            }
        }
        if (rows.isEmpty()) {
            terminal.out().println(terminal.dim("(none)"));
            return;
        }
        Table.print(terminal, columns.stream().map(Column::header).toList(), rows);
    }

    /** One object: a line per field. */
    public void object(JsonNode item, List<Column> fields) {
        if (!forPeople()) {
            document(item);
            return;
        }
        int width = fields.stream().mapToInt(field -> field.header().length()).max().orElse(0);
        for (Column field : fields) {
            String value = field.value().apply(item);
            terminal.out().println(terminal.bold(pad(field.header() + ":", width + 1)) + " " + value);
        }
    }

    /** The document as JSON or YAML (also used by table output for documents without a table view). */
    public void document(JsonNode document) {
        try {
            if (format == OutputFormat.yaml) {
                terminal.out().print(yaml.writeValueAsString(document));
            } else {
                terminal.out().println(json.writeValueAsString(document));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the answer", e);
        }
    }

    /** A message for people: on stdout with the table format, on stderr otherwise, so stdout stays parseable. */
    public void message(String line) {
        (forPeople() ? terminal.out() : terminal.err()).println(line);
    }

    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
