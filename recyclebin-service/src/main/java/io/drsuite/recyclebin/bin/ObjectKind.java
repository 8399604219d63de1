package io.drsuite.recyclebin.bin;

import java.util.Locale;

/**
 * What a recycle-bin entry holds. Everywhere outside Java (the ledger in the managed database, this service's table,
 * the API and the events) it is written by its {@link #wireName()}: {@code table}, {@code schema}, {@code database}.
 */
public enum ObjectKind {
    TABLE, SCHEMA, DATABASE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ObjectKind fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * The database whose ledger keeps the record of an object of this kind held in {@code database}: that database,
     * or for a whole database (which cannot hold its own record while it is in the bin) the cluster's
     * {@code postgres}.
     */
    public String ledgerDatabase(String database) {
        return this == DATABASE ? "postgres" : database;
    }

    /** The database holding an object of this kind named {@code name} whose record is in {@code ledgerDatabase}. */
    public String objectDatabase(String ledgerDatabase, String name) {
        return this == DATABASE ? name : ledgerDatabase;
    }
}
