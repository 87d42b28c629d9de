package com.mallbatch.writers.mysql;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * {@code erp_postings}: each confirmed settlement version's way to the ERP. SENT is written before the call, so a
 * crash mid-call leaves a trace, and the retry reuses the same idempotency key.
 */
public final class JdbcErpPostings {

    public record Posting(long settlementId, String idempotencyKey, String status, String documentNo, int attempts) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    /** Status changes commit at once, in their own transaction, whatever the caller's transaction does later. */
    public JdbcErpPostings(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = OwnTransaction.of(transactions);
    }

    private void now(String sql, Object... args) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(sql, args));
    }

    /** The posting of a settlement, created PENDING with its key the first time. */
    public Posting open(long settlementId, String idempotencyKey) {
        // read in the same new transaction: the caller's snapshot may predate the row
        return ownTransaction.execute(status -> {
            jdbc.update("INSERT INTO erp_postings (settlement_id, idempotency_key, status) VALUES (?, ?, 'PENDING') "
                    + "ON DUPLICATE KEY UPDATE settlement_id = settlement_id", settlementId, idempotencyKey);
            return find(settlementId);
        });
    }

    public void sending(long settlementId) {
        now("UPDATE erp_postings SET status = 'SENT', attempts = attempts + 1 WHERE settlement_id = ?", settlementId);
    }

    public void acked(long settlementId, String documentNo) {
        now("UPDATE erp_postings SET status = 'ACKED', document_no = ?, last_error = NULL WHERE settlement_id = ?",
                documentNo, settlementId);
    }

    public void failed(long settlementId, String error) {
        now("UPDATE erp_postings SET status = 'FAILED', last_error = ? WHERE settlement_id = ?",
                error.length() > 2000 ? error.substring(0, 1999) : error, settlementId);
    }

    public Posting find(long settlementId) {
        List<Posting> found = jdbc.query("SELECT settlement_id, idempotency_key, status, document_no, attempts FROM "
                + "erp_postings WHERE settlement_id = ?", (rs, n) -> new Posting(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getInt(5)), settlementId);
        return found.isEmpty() ? null : found.get(0);
    }
}
