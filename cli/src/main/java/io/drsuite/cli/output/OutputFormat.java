package io.drsuite.cli.output;

/** {@code -o}: a table for people, or the API's own document as JSON or YAML for scripts. */
public enum OutputFormat {
    table, json, yaml
}
