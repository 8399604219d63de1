package io.drsuite.recyclebin.bin;

import java.util.List;
import java.util.UUID;

/** The names the bin reserves in a managed cluster, and the system objects it never takes. */
public final class BinNames {

    /** Prefix of bin schemas and of recycled schemas' and databases' names: reserved for the bin. */
    public static final String BIN_PREFIX = "drsuite_rb_";
    /** The schema of the bin's ledger, settings and SQL functions in a managed database. */
    public static final String BIN_SCHEMA = "drsuite_recyclebin";

    private static final List<String> SYSTEM_DATABASES = List.of("postgres", "template0", "template1");

    private BinNames() {
    }

    /** Where the object of an entry is kept: {@code drsuite_rb_} and the first 12 hex digits of its id. */
    public static String binName(UUID entryId) {
        return BIN_PREFIX + entryId.toString().replace("-", "").substring(0, 12);
    }

    /** Schemas the bin never takes: the system's and its own. */
    public static boolean isSystemSchema(String schema) {
        return schema.startsWith("pg_") || schema.equals("information_schema") || schema.equals(BIN_SCHEMA)
                || schema.startsWith(BIN_PREFIX);
    }

    /** Databases the bin never takes: the system's and those it holds. */
    public static boolean isSystemDatabase(String database) {
        return SYSTEM_DATABASES.contains(database) || database.startsWith(BIN_PREFIX);
    }
}
