package io.drsuite.platform.validation;

/**
 * The forms names must have in requests, as regular expressions for {@code @Pattern} with the message to show.
 */
public final class Names {

    public static final String RESOURCE = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String RESOURCE_RULE = "must match [a-z0-9][a-z0-9-]{0,62}";
    /** Short enough that drsuite_<name> is a valid replication slot name (63 bytes). */
    public static final String RELATIONSHIP = "[a-z0-9][a-z0-9-]{0,40}";
    public static final String RELATIONSHIP_RULE = "must match [a-z0-9][a-z0-9-]{0,40}";
    public static final String ROLE = "[A-Za-z_][A-Za-z0-9_$]{0,62}";
    public static final String ROLE_RULE = "must be a PostgreSQL role name: a letter or _, then letters, digits, _ or $";
    public static final String OS_USER = "[a-z_][a-z0-9_-]{0,31}";
    public static final String OS_USER_RULE = "must be an OS user name: [a-z_][a-z0-9_-]{0,31}";
    public static final String KEY_REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    /** An absolute path without control characters and without a .. segment. */
    public static final String ABSOLUTE_PATH = "/(?!.*(?:^|/)\\.\\.(?:/|$))[^\\x00-\\x1f\\x7f]{0,1023}";
    public static final String ABSOLUTE_PATH_RULE = "must be an absolute path without .. segments or control characters";

    /** A PostgreSQL identifier as the suite accepts it: no quoting needed to type it, at most 63 bytes. */
    public static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_$]{0,62}";
    public static final String IDENTIFIER_RULE =
            "must be a PostgreSQL identifier: a letter or _, then up to 62 letters, digits, _ or $";
    /** A table, optionally schema-qualified: {@code orders} (schema public) or {@code sales.orders}. */
    public static final String TABLE = "(" + IDENTIFIER + "\\.)?" + IDENTIFIER;
    public static final String TABLE_RULE = "must be a table name, optionally schema-qualified: schema.table";

    private Names() {
    }
}
