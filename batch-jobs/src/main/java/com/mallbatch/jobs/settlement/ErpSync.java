package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.port.ErpGateway;
import com.mallbatch.writers.mysql.JdbcErpPostings;
import com.mallbatch.writers.mysql.JdbcErpPostings.Kind;
import com.mallbatch.writers.mysql.JdbcErpPostings.Posting;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Brings the ERP in line with an account's confirmed versions of a period, each document exactly once: every version
 * ever confirmed has its billing document, and every superseded one its reversal (SAP-style: a posted document is
 * never edited; its cancellation references it), oldest first — so after a correction the ERP reverses v1 before
 * booking v2, and the open receivable equals the standing version's net. Each posting goes PENDING → SENT (written
 * before the call) → ACKED with its document number; a lost answer or a crash is retried under the same idempotency
 * key, and the ERP answers with the document it already holds. Safe to run again at any time.
 */
public final class ErpSync {

    private static final Logger log = LoggerFactory.getLogger(ErpSync.class);

    private final JdbcSettlements settlements;
    private final JdbcErpPostings postings;
    private final ErpGateway erp;
    private final String companyCode;

    /** @param erp null when no ERP is configured: postings then wait as PENDING */
    public ErpSync(JdbcSettlements settlements, JdbcErpPostings postings, ErpGateway erp, String companyCode) {
        this.settlements = settlements;
        this.postings = postings;
        this.erp = erp;
        this.companyCode = companyCode;
    }

    /**
     * Posts what the ERP lacks for the account's period.
     *
     * @return one line per posting that failed (empty when the ERP is in line)
     */
    public List<String> sync(long accountId, String period) {
        List<Snapshot> versions = settlements.snapshots(period).stream()
                .filter(s -> s.accountId() == accountId && !s.status().equals("DRAFT"))
                .sorted(Comparator.comparingInt(Snapshot::version)).toList();
        List<String> failures = new ArrayList<>();
        for (Snapshot version : versions) {
            Posting document = postings.open(version.id(), Kind.DOCUMENT, BillingDocuments.documentKey(version), null);
            if (erp == null) {
                continue;
            }
            String documentNo = document.acked() ? document.documentNo() : send(document, failures,
                    () -> erp.post(BillingDocuments.of(version, settlements.extraCosts(version.id()),
                            companyCode), document.idempotencyKey()));
            if (documentNo != null && version.status().equals("SUPERSEDED")) {
                Posting reversal = postings.open(version.id(), Kind.REVERSAL, BillingDocuments.reversalKey(version), documentNo);
                if (!reversal.acked()) {
                    send(reversal, failures, () -> erp.reverse(documentNo, reversal.idempotencyKey()));
                }
            }
            if (!failures.isEmpty()) {
                break; // a later version's document waits until the earlier one is booked and reversed
            }
        }
        if (erp == null && !versions.isEmpty()) {
            log.info("No ERP configured (mallbatch.erp.base-url): billing documents of {} stay PENDING", period);
        }
        return failures;
    }

    /** {@link #sync} for every account with a confirmed version of the period. */
    public List<String> syncPeriod(String period) {
        List<String> failures = new ArrayList<>();
        settlements.snapshots(period).stream().filter(s -> !s.status().equals("DRAFT")).map(Snapshot::accountId)
                .distinct().forEach(accountId -> failures.addAll(sync(accountId, period)));
        return failures;
    }

    private String send(Posting posting, List<String> failures, java.util.function.Supplier<String> call) {
        postings.sending(posting.id());
        try {
            String documentNo = call.get();
            postings.acked(posting.id(), documentNo);
            log.info("ERP {} of settlement {} acknowledged as document {}", posting.kind(), posting.settlementId(), documentNo);
            return documentNo;
        } catch (ErpGateway.RejectedException | IllegalStateException e) {
            postings.failed(posting.id(), e.getMessage());
            failures.add(posting.kind() + " of settlement " + posting.settlementId() + ": " + e.getMessage());
            return null;
        }
    }
}
