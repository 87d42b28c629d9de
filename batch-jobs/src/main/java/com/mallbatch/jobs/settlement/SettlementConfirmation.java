package com.mallbatch.jobs.settlement;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.writers.excel.SettlementWorkbook;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Confirmation;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The confirm use case, the one path the CLI and the admin web take: a person freezes an account's draft of a period
 * into a CONFIRMED, hashed, chained snapshot (superseding the version before it, whose differences are recorded), then
 * its workbook is written — and the superseded version's is written again, saying so on every sheet — and the ERP is
 * brought in line: the old document reversed, the new one booked, each exactly once.
 */
public final class SettlementConfirmation {

    /** What confirming did. {@code erpFailures} are postings to retry with the post-settlements command. */
    public record Result(Snapshot standing, boolean changed, Snapshot superseded, Path workbook, List<String> erpFailures) {
    }

    private static final Logger log = LoggerFactory.getLogger(SettlementConfirmation.class);

    private final JdbcSettlements settlements;
    private final SettlementWorkbook workbooks;
    private final ErpSync erp;
    private final TransactionTemplate transaction;
    private final Path exportDirectory;

    public SettlementConfirmation(JdbcSettlements settlements, SettlementWorkbook workbooks, ErpSync erp,
                                  TransactionTemplate transaction, Path exportDirectory) {
        this.settlements = settlements;
        this.workbooks = workbooks;
        this.erp = erp;
        this.transaction = transaction;
        this.exportDirectory = exportDirectory;
    }

    /**
     * @throws IllegalArgumentException when the account's period has no draft to confirm (with what to do instead)
     */
    public Result confirm(MallAccount account, String period, String confirmedBy, String comment) {
        Snapshot draft = settlements.draft(account.id(), period).orElseThrow(() -> new IllegalArgumentException(
                settlements.standing(account.id(), period).map(s -> account.label() + " " + period + ": v" + s.version()
                        + " stands and no draft differs from it; run settlementJob period=" + period + " run.id=N to "
                        + "recompute after new orders or rules").orElse(account.label() + " " + period
                        + ": no draft; run settlementJob period=" + period + " first")));
        return confirm(account, period, draft.id(), confirmedBy, comment);
    }

    /**
     * Confirms the very draft a person reviewed, by its id — never a draft a recompute put in its place meanwhile.
     *
     * @throws IllegalStateException when that draft is gone or no longer a draft (nothing changed)
     */
    public Result confirm(MallAccount account, String period, long draftId, String confirmedBy, String comment) {
        Confirmation confirmation = transaction.execute(status -> settlements.confirm(draftId, confirmedBy, comment));
        Snapshot standing = settlements.snapshot(confirmation.settlementId());
        if (!confirmation.changed()) {
            log.info("{} {}: the draft equals v{}; nothing new to confirm", account.label(), period, standing.version());
            return new Result(standing, false, null, null, List.of());
        }
        Snapshot superseded = confirmation.supersededId() == null ? null : settlements.snapshot(confirmation.supersededId());
        Path workbook = workbook(standing, null);
        if (superseded != null) {
            workbook(superseded, standing.version());
        }
        log.info("{} confirmed {} {} as v{} (net {}){}", confirmedBy, account.label(), period, standing.version(),
                standing.net(), superseded == null ? "" : ", superseding v" + superseded.version());
        List<String> failures = erp.sync(account.id(), period);
        return new Result(standing, true, superseded, workbook, failures);
    }

    /**
     * The stored workbook of a confirmed or superseded version, or — when the file is gone — the same workbook written
     * again from the immutable snapshot (a superseded one saying which version replaced it).
     *
     * @throws IllegalArgumentException for a draft, which has no workbook until it is confirmed
     */
    public Path storedWorkbook(Snapshot snapshot) {
        if (snapshot.status().equals("DRAFT")) {
            throw new IllegalArgumentException(snapshot.accountLabel() + " " + snapshot.period() + " v"
                    + snapshot.version() + " is a draft: it has a workbook once it is confirmed");
        }
        Path stored = exportDirectory.resolve(SettlementWorkbook.fileName(snapshot));
        if (Files.isRegularFile(stored)) {
            return stored;
        }
        Integer replacedBy = snapshot.supersededBy() == null ? null
                : settlements.snapshot(snapshot.supersededBy()).version();
        log.info("The workbook of {} {} v{} is gone from {}; writing it again from the snapshot",
                snapshot.accountLabel(), snapshot.period(), snapshot.version(), exportDirectory);
        return workbook(snapshot, replacedBy);
    }

    /** The workbook of a version, written again from the snapshot (e.g. when the file is gone). */
    public Path workbook(Snapshot snapshot, Integer replacedBy) {
        try {
            return workbooks.write(exportDirectory, snapshot, settlements.chainLink(snapshot.id()), replacedBy);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the workbook of settlement " + snapshot.id() + " to "
                    + exportDirectory + ": " + e.getMessage(), e);
        }
    }
}
