package io.drsuite.storage;

/** An object as it was written: its key, its length and the hex SHA-256 of its bytes. */
public record StoredObject(String key, long sizeBytes, String sha256) {
}
