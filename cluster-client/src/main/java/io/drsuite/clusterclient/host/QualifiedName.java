package io.drsuite.clusterclient.host;

import java.util.Objects;

/** A schema-qualified table name, as the PostgreSQL client programs are given it. */
public record QualifiedName(String schema, String name) {

    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** {@code schema.table}, or {@code public.table} for a bare name. */
    public static QualifiedName parse(String qualified) {
        int dot = qualified.indexOf('.');
        return dot < 0 ? new QualifiedName("public", qualified)
                : new QualifiedName(qualified.substring(0, dot), qualified.substring(dot + 1));
    }

    /**
     * A pg_dump / psql pattern matching exactly this table: inside double quotes no character is a wildcard and a
     * double quote is written twice.
     */
    public String asPattern() {
        return quoted(schema) + "." + quoted(name);
    }

    /** The name as an SQL identifier, e.g. for TRUNCATE in a script. */
    public String asIdentifier() {
        return asPattern();
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
