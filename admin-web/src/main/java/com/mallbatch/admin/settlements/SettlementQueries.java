package com.mallbatch.admin.settlements;

import com.mallbatch.domain.Money;
import com.mallbatch.writers.mysql.JdbcErpPostings;
import com.mallbatch.writers.mysql.JdbcErpPostings.Kind;
import com.mallbatch.writers.mysql.JdbcErpPostings.Posting;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.ExtraCost;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What finance reviews: each account's settlement of a period (its draft and the version that stands), a snapshot's
 * lines a page at a time, its extra costs, its versions with their ERP postings, and what changed against the version
 * before — recorded at confirmation for a correction, computed the same way for a draft not yet confirmed.
 */
@Service
public class SettlementQueries {

    /** Lines shown per page. */
    public static final int PAGE_SIZE = 50;
    /** Changed amounts listed at most; the workbook has them all. */
    static final int MAX_CHANGES = 500;
    private static final List<String> LINE_AMOUNTS = List.of("gross", "seller_discount", "coupon_discount",
            "commission", "shipping", "refund", "net");

    /** An account's settlement of a period: the draft awaiting review and the confirmed version that stands. */
    public record AccountSettlement(String account, Snapshot draft, Snapshot standing, int versions) {

        /** The snapshot to open: the draft while there is one, else the standing version. */
        public Snapshot current() {
            return draft != null ? draft : standing;
        }
    }

    public record Line(String orderId, String lineId, LocalDateTime orderedAt, String productName, String optionText,
                       int quantity, String status, BigDecimal gross, BigDecimal sellerDiscount,
                       BigDecimal couponDiscount, BigDecimal commission, BigDecimal shipping, BigDecimal refund,
                       BigDecimal net) {
    }

    public record LinePage(List<Line> lines, int page, int pages, int total) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    /** A version with its ERP document and, once superseded, the document's reversal (each null until opened). */
    public record Version(Snapshot snapshot, Posting document, Posting reversal) {
    }

    /** One amount of a line before (the version compared with) and after; null where the line is not in one of them. */
    public record LineChange(String orderId, String lineId, String field, BigDecimal before, BigDecimal after) {
    }

    /** A total before and after. */
    public record TotalChange(String field, BigDecimal before, BigDecimal after) {

        public BigDecimal change() {
            return after.subtract(before);
        }
    }

    /** How a snapshot differs from the confirmed version before it. */
    public record Changes(Snapshot before, List<TotalChange> totals, List<LineChange> lines, boolean cut) {
    }

    private final JdbcSettlements settlements;
    private final JdbcErpPostings postings;
    private final JdbcTemplate jdbc;

    public SettlementQueries(JdbcSettlements settlements, JdbcErpPostings postings, JdbcTemplate jdbc) {
        this.settlements = settlements;
        this.postings = postings;
        this.jdbc = jdbc;
    }

    /** Periods that have settlements, newest first. */
    public List<String> periods() {
        return jdbc.queryForList("SELECT DISTINCT period FROM settlements ORDER BY period DESC", String.class);
    }

    public List<AccountSettlement> ofPeriod(String period) {
        Map<Long, List<Snapshot>> byAccount = new LinkedHashMap<>();
        for (Snapshot s : settlements.snapshots(period)) {
            byAccount.computeIfAbsent(s.accountId(), id -> new ArrayList<>()).add(s);
        }
        return byAccount.values().stream().map(versions -> new AccountSettlement(versions.get(0).accountLabel(),
                        find(versions, "DRAFT"), find(versions, "CONFIRMED"), versions.size()))
                .sorted(java.util.Comparator.comparing(AccountSettlement::account)).toList();
    }

    private static Snapshot find(List<Snapshot> versions, String status) {
        return versions.stream().filter(s -> s.status().equals(status)).findFirst().orElse(null);
    }

    public Optional<Snapshot> snapshot(long id) {
        return settlements.findSnapshot(id);
    }

    /** Every version of the snapshot's account and period, newest first, with its ERP postings. */
    public List<Version> versions(Snapshot of) {
        return jdbc.queryForList("SELECT id FROM settlements WHERE account_id = ? AND period = ? ORDER BY version DESC",
                Long.class, of.accountId(), of.period()).stream().map(settlements::snapshot)
                .map(s -> new Version(s, postings.find(s.id(), Kind.DOCUMENT).orElse(null),
                        postings.find(s.id(), Kind.REVERSAL).orElse(null))).toList();
    }

    public List<ExtraCost> extraCosts(long settlementId) {
        return settlements.extraCosts(settlementId);
    }

    /** @param page from 1; clamped to the pages there are */
    public LinePage lines(Snapshot s, int page) {
        int pages = Math.max(1, (s.lineCount() + PAGE_SIZE - 1) / PAGE_SIZE);
        int shown = Math.min(Math.max(page, 1), pages);
        List<Line> lines = jdbc.query("SELECT * FROM settlement_lines WHERE settlement_id = ? ORDER BY order_id, line_id "
                + "LIMIT ? OFFSET ?", (rs, n) -> new Line(rs.getString("order_id"), rs.getString("line_id"),
                rs.getObject("ordered_at", LocalDateTime.class), rs.getString("product_name"), rs.getString("option_text"),
                rs.getInt("quantity"), rs.getString("status"), rs.getBigDecimal("gross"), rs.getBigDecimal("seller_discount"),
                rs.getBigDecimal("coupon_discount"), rs.getBigDecimal("commission"), rs.getBigDecimal("shipping"),
                rs.getBigDecimal("refund"), rs.getBigDecimal("net")), s.id(), PAGE_SIZE, (shown - 1) * PAGE_SIZE);
        return new LinePage(lines, shown, pages, s.lineCount());
    }

    /**
     * A confirmed correction against the version it superseded (the differences confirming recorded); a draft against
     * the version that stands. Empty for a first version.
     */
    public Optional<Changes> changes(Snapshot s) {
        if (s.status().equals("DRAFT")) {
            return settlements.standing(s.accountId(), s.period()).map(standing -> new Changes(standing,
                    totals(standing, s), draftDifferences(s.id(), standing.id()), false))
                    .map(SettlementQueries::markCut);
        }
        return settlements.previousVersion(s.id()).map(settlements::snapshot).map(before -> markCut(new Changes(before,
                totals(before, s), recorded(s.id()), false)));
    }

    private static Changes markCut(Changes changes) {
        boolean cut = changes.lines().size() > MAX_CHANGES;
        return cut ? new Changes(changes.before(), changes.totals(), changes.lines().subList(0, MAX_CHANGES), true)
                : changes;
    }

    private static List<TotalChange> totals(Snapshot before, Snapshot after) {
        Map<String, Function<Snapshot, Money>> fields = new LinkedHashMap<>();
        fields.put("gross", Snapshot::gross);
        fields.put("seller_discount", Snapshot::sellerDiscount);
        fields.put("commission", Snapshot::commission);
        fields.put("shipping", Snapshot::shipping);
        fields.put("refund", Snapshot::refund);
        fields.put("extra_costs", Snapshot::extraCosts);
        fields.put("net", Snapshot::net);
        return fields.entrySet().stream().map(f -> new TotalChange(f.getKey(), f.getValue().apply(before).amount(),
                f.getValue().apply(after).amount())).toList();
    }

    private List<LineChange> recorded(long settlementId) {
        return jdbc.query("SELECT order_id, line_id, field, old_value, new_value FROM settlement_differences "
                + "WHERE settlement_id = ? ORDER BY order_id, line_id, field LIMIT ?", (rs, n) -> new LineChange(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                settlementId, MAX_CHANGES + 1);
    }

    /** What confirming the draft would record as differences (the same comparison, not stored). */
    private List<LineChange> draftDifferences(long draftId, long standingId) {
        List<String> parts = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        for (String field : LINE_AMOUNTS) {
            parts.add("SELECT n.order_id, n.line_id, '" + field + "' AS field, o." + field + " AS old_value, n." + field
                    + " AS new_value FROM settlement_lines n LEFT JOIN settlement_lines o ON o.settlement_id = ? "
                    + "AND o.order_id = n.order_id AND o.line_id = n.line_id WHERE n.settlement_id = ? AND NOT (o."
                    + field + " <=> n." + field + ")");
            parts.add("SELECT o.order_id, o.line_id, '" + field + "', o." + field + ", NULL FROM settlement_lines o "
                    + "LEFT JOIN settlement_lines n ON n.settlement_id = ? AND n.order_id = o.order_id "
                    + "AND n.line_id = o.line_id WHERE o.settlement_id = ? AND n.line_id IS NULL");
            arguments.addAll(List.of(standingId, draftId, draftId, standingId));
        }
        arguments.add(MAX_CHANGES + 1);
        return jdbc.query(String.join(" UNION ALL ", parts) + " ORDER BY 1, 2, 3 LIMIT ?", (rs, n) -> new LineChange(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBigDecimal(5)),
                arguments.toArray());
    }
}
