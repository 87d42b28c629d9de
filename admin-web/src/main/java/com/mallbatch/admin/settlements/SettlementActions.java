package com.mallbatch.admin.settlements;

import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.settlement.SettlementConfirmation;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.nio.file.Path;

/**
 * Finance's acts on a settlement, through the jobs' own use case ({@link SettlementConfirmation}, as the
 * confirm-settlement command): confirming the reviewed draft, and a version's workbook — each written to the admin
 * audit, refused or done.
 */
@Service
public class SettlementActions {

    private final JdbcSettlements settlements;
    private final MallAccounts accounts;
    private final SettlementConfirmation confirmation;
    private final AdminAudit audit;

    public SettlementActions(JdbcSettlements settlements, MallAccounts accounts, SettlementConfirmation confirmation,
                             AdminAudit audit) {
        this.settlements = settlements;
        this.accounts = accounts;
        this.confirmation = confirmation;
        this.audit = audit;
    }

    /**
     * Confirms the draft the person reviewed: refused when it is no longer the account's draft of its period (a
     * recompute replaced it, or it was confirmed meanwhile), so nobody confirms numbers they have not seen.
     *
     * @throws IllegalArgumentException when refused, the reason its message
     */
    @PreAuthorize("hasRole('FINANCE')")
    public SettlementConfirmation.Result confirm(long draftId, String comment, String user) {
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        Snapshot reviewed = settlements.findSnapshot(draftId).orElse(null);
        String target = reviewed == null ? "settlement " + draftId : describe(reviewed);
        try {
            if (reviewed == null) {
                throw new IllegalArgumentException("there is no settlement " + draftId);
            }
            boolean stillTheDraft = settlements.draft(reviewed.accountId(), reviewed.period())
                    .filter(draft -> draft.id() == draftId).isPresent();
            if (!stillTheDraft) {
                throw new IllegalArgumentException(target + " is not the draft awaiting review any more (it is "
                        + settlements.findSnapshot(draftId).map(Snapshot::status).orElse("replaced by a newer draft")
                        + "); open the account's settlement again and review what is there now");
            }
            SettlementConfirmation.Result result = confirmation.confirm(accounts.byId(reviewed.accountId()),
                    reviewed.period(), draftId, user, note);
            audit.record(user, "confirm-settlement", target, note, outcome(result));
            return result;
        } catch (IllegalArgumentException | IllegalStateException e) {
            audit.record(user, "confirm-settlement", target, note, "refused: " + e.getMessage());
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String outcome(SettlementConfirmation.Result result) {
        String standing = "v" + result.standing().version();
        if (!result.changed()) {
            return "unchanged: the draft equals " + standing + ", which stands";
        }
        return "confirmed " + standing + " (net " + result.standing().net() + ")"
                + (result.superseded() == null ? "" : ", superseding v" + result.superseded().version())
                + (result.erpFailures().isEmpty() ? "; no ERP posting failed"
                : "; ERP failed: " + String.join("; ", result.erpFailures()));
    }

    /**
     * The workbook of a confirmed or superseded version: the stored file, or written again from the snapshot when it
     * is gone.
     *
     * @throws IllegalArgumentException for an unknown settlement or a draft
     */
    @PreAuthorize("hasRole('FINANCE')")
    public Workbook workbook(long settlementId, String user) {
        Snapshot snapshot = settlements.findSnapshot(settlementId)
                .orElseThrow(() -> new IllegalArgumentException("there is no settlement " + settlementId));
        try {
            Path file = confirmation.storedWorkbook(snapshot);
            audit.record(user, "download-workbook", describe(snapshot), null, "served " + file.getFileName());
            return new Workbook(snapshot, file);
        } catch (IllegalArgumentException e) {
            audit.record(user, "download-workbook", describe(snapshot), null, "refused: " + e.getMessage());
            throw e;
        }
    }

    /** A version's workbook file, with the snapshot it was written from. */
    public record Workbook(Snapshot snapshot, Path file) {
    }

    private static String describe(Snapshot s) {
        return "settlement " + s.accountLabel() + " " + s.period() + " v" + s.version();
    }
}
