package io.drsuite.relationship.api;

/**
 * The forms names must have in requests.
 */
final class Names {

    static final String RESOURCE = "[a-z0-9][a-z0-9-]{0,62}";
    static final String RESOURCE_RULE = "must match [a-z0-9][a-z0-9-]{0,62}";
    /** Short enough that drsuite_<name> is a valid replication slot name (63 bytes). */
    static final String RELATIONSHIP = "[a-z0-9][a-z0-9-]{0,40}";
    static final String RELATIONSHIP_RULE = "must match [a-z0-9][a-z0-9-]{0,40}";
    static final String ROLE = "[A-Za-z_][A-Za-z0-9_$]{0,62}";
    static final String ROLE_RULE = "must be a PostgreSQL role name: a letter or _, then letters, digits, _ or $";
    static final String OS_USER = "[a-z_][a-z0-9_-]{0,31}";
    static final String OS_USER_RULE = "must be an OS user name: [a-z_][a-z0-9_-]{0,31}";
    static final String KEY_REF = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";
    /** An absolute path without control characters and without a .. segment. */
    static final String ABSOLUTE_PATH = "/(?!.*(?:^|/)\\.\\.(?:/|$))[^\\x00-\\x1f\\x7f]{0,1023}";
    static final String ABSOLUTE_PATH_RULE = "must be an absolute path without .. segments or control characters";

    private Names() {
    }
}
