package io.drsuite.clusterclient.sql;

import java.util.Locale;

/** Reads a lower-case word of a PostgreSQL statistics view into the enum that names it. */
final class Catalog {

    private Catalog() {
    }

    /** The constant the word names, or {@code unknown} for null or a word a newer PostgreSQL may have added. */
    static <E extends Enum<E>> E parse(Class<E> type, String word, E unknown) {
        if (word == null) {
            return unknown;
        }
        try {
            return Enum.valueOf(type, word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknown;
        }
    }
}
