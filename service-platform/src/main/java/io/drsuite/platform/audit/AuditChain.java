package io.drsuite.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The hash chain of an audit log: each record's hash is SHA-256 over the previous record's hash and the record's
 * content, written as a JSON array in a fixed order. Changing any field of a row, or removing or inserting a row,
 * makes a hash or a link disagree.
 */
final class AuditChain {

    /** The previous hash of the first record a log ever has. */
    static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = new ObjectMapper();

    private AuditChain() {
    }

    static String hash(AuditRecord record) {
        String content = canonical(record.previousHash, record.recordedAt.toString(), record.service,
                record.operation, record.target, record.outcome, Objects.toString(record.status, null),
                record.problem, record.reason, Objects.toString(record.taskId, null),
                Objects.toString(record.correlationId, null), record.actorName, record.actorSubject,
                record.actorRoles, record.client, record.clientAddress, record.detail);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether the row still has the hash it was written with. */
    static boolean intact(AuditRecord record) {
        return hash(record).equals(record.hash);
    }

    private static String canonical(String... fields) {
        try {
            return CANONICAL.writeValueAsString(Arrays.asList(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit fields cannot be written as JSON", e);
        }
    }
}
