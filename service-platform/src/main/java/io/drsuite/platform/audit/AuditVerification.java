package io.drsuite.platform.audit;

/**
 * The result of walking a service's audit chain.
 *
 * @param intact true when every record matches its hash and links to the one before it
 * @param records how many records were checked
 * @param firstId the oldest record kept
 * @param lastId the newest record
 * @param headHash the newest record's hash: compare it with the last record on {@code drsuite.audit} to see that no
 *        record was removed from the end
 * @param startsFrom {@code genesis}, or {@code pruning} when older records were removed by the retention
 * @param brokenAt the first record that does not check out
 * @param problem what is wrong with it
 */
public record AuditVerification(boolean intact, long records, Long firstId, Long lastId, String headHash,
        String startsFrom, Long brokenAt, String problem) {
}
