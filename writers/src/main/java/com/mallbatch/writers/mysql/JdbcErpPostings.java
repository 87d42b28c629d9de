package com.mallbatch.writers.mysql;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * {@code erp_postings}: each confirmed settlement version's way to the ERP — its billing DOCUMENT, and, once a
 * correction supersedes it, the REVERSAL of that document. SENT is written before the call, so a crash mid-call leaves
 * a trace, and the retry reuses the same idempotency key. The database lets a status only move forward.
 */
public final class JdbcErpPostings {

    public enum Kind { DOCUMENT, REVERSAL }

    public record Posting(long id, long settlementId, Kind kind, String idempotencyKey, String status, String documentNo,
                          String reversesDocumentNo, int attempts, String lastError) {

        public boolean acked() {
            return status.equals("ACKED");
        }
    }

    private static final RowMapper<Posting> ROW = (rs, n) -> new Posting(rs.getLong("id"), rs.getLong("settlement_id"),
            Kind.valueOf(rs.getString("kind")), rs.getString("idempotency_key"), rs.getString("status"),
            rs.getString("document_no"), rs.getString("reverses_document_no"), rs.getInt("attempts"),
            rs.getString("last_error"));

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

    /** The posting of a settlement's document or reversal, created PENDING with its key the first time. */
    public Posting open(long settlementId, Kind kind, String idempotencyKey, String reversesDocumentNo) {
        // read in a new transaction: the caller's snapshot may predate the row; a posting is never updated here, as
        // the database lets an update only move its status forward
        return ownTransaction.execute(status -> find(settlementId, kind).orElseGet(() -> {
            try {
                jdbc.update("INSERT INTO erp_postings (settlement_id, kind, idempotency_key, status, reverses_document_no) "
                        + "VALUES (?, ?, ?, 'PENDING', ?)", settlementId, kind.name(), idempotencyKey, reversesDocumentNo);
            } catch (DuplicateKeyException openedMeanwhile) {
                // another run opened it first: theirs is the one
            }
            return find(settlementId, kind).orElseThrow();
        }));
    }

    public void sending(long id) {
        now("UPDATE erp_postings SET status = 'SENT', attempts = attempts + 1 WHERE id = ?", id);
    }

    public void acked(long id, String documentNo) {
        now("UPDATE erp_postings SET status = 'ACKED', document_no = ?, last_error = NULL WHERE id = ?", documentNo, id);
    }

    public void failed(long id, String error) {
        now("UPDATE erp_postings SET status = 'FAILED', last_error = ? WHERE id = ?",
                error.length() > 2000 ? error.substring(0, 1999) : error, id);
    }

    public java.util.Optional<Posting> find(long settlementId, Kind kind) {
        return jdbc.query("SELECT * FROM erp_postings WHERE settlement_id = ? AND kind = ?", ROW, settlementId, kind.name())
                .stream().findFirst();
    }

    /** Every posting of the period's settlements, oldest first. */
    public List<Posting> ofPeriod(String period) {
        return jdbc.query("SELECT p.* FROM erp_postings p JOIN settlements s ON s.id = p.settlement_id "
                + "WHERE s.period = ? ORDER BY p.id", ROW, period);
    }
}
