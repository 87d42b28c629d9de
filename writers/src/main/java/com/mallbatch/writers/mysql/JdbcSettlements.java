package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.SettlementDigest;
import com.mallbatch.domain.settlement.SettlementLine;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.mallbatch.writers.mysql.TableSpec.amount;
import static com.mallbatch.writers.mysql.TableSpec.column;
import static com.mallbatch.writers.mysql.TableSpec.key;

/**
 * Settlement snapshots in MySQL: drafts are built and rebuilt freely; confirming freezes one (the triggers of V6
 * refuse any later change), hashes its canonical content, and supersedes the previous version only when the numbers
 * changed, listing what changed.
 */
public final class JdbcSettlements {

    public static final TableSpec<SettlementLine> SETTLEMENT_LINES = TableSpec.of("settlement_lines",
            key("settlement_id", SettlementLine::settlementId),
            key("order_id", SettlementLine::orderId),
            key("line_id", SettlementLine::lineId),
            column("ordered_at", SettlementLine::orderedAt),
            column("product_no", SettlementLine::productNo),
            column("platform_status", SettlementLine::platformStatus),
            amount("gross", SettlementLine::gross),
            amount("seller_discount", SettlementLine::sellerDiscount),
            amount("commission", SettlementLine::commission),
            amount("shipping", SettlementLine::shipping),
            amount("refund", SettlementLine::refund),
            amount("net", SettlementLine::net));
    private static final List<String> AMOUNTS = List.of("gross", "seller_discount", "commission", "shipping", "refund", "net");
    private static final RowMapper<SettlementLine> LINE = (rs, n) -> new SettlementLine(rs.getLong("settlement_id"),
            rs.getString("line_id"), rs.getString("order_id"), rs.getObject("ordered_at", LocalDateTime.class),
            rs.getString("product_no"), rs.getString("platform_status"), new Money(rs.getBigDecimal("gross")),
            new Money(rs.getBigDecimal("seller_discount")), new Money(rs.getBigDecimal("commission")),
            new Money(rs.getBigDecimal("shipping")), new Money(rs.getBigDecimal("refund")), new Money(rs.getBigDecimal("net")));

    /** A snapshot's header. */
    public record Snapshot(long id, long accountId, String accountLabel, String period, int version, String status,
                           Money gross, Money sellerDiscount, Money commission, Money shipping, Money refund,
                           Money extraCosts, Money net, int lineCount, String contentSha256) {
    }

    /** The outcome of confirming a draft: the snapshot that now stands, and whether it is new. */
    public record Confirmation(long settlementId, int version, boolean changed, Long supersededId) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public JdbcSettlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    public ItemWriter<SettlementLine> lineWriter(UpsertMode mode) {
        return UpsertWriter.rowPerItem(dataSource, SETTLEMENT_LINES, mode);
    }

    /** Accounts (of one tenant, or all) that have orders in the period. */
    public List<Long> accountsWithOrders(String period, String tenantKey) {
        return jdbc.queryForList("SELECT DISTINCT o.account_id FROM orders o JOIN mall_accounts a ON a.id = o.account_id "
                + "JOIN tenants t ON t.id = a.tenant_id WHERE o.ordered_at >= ? AND o.ordered_at < ? "
                + "AND (? IS NULL OR t.tenant_key = ?) ORDER BY o.account_id", Long.class,
                periodStart(period), periodStart(period).plusMonths(1), tenantKey, tenantKey);
    }

    /** A fresh draft for the account and period, replacing an earlier draft. */
    public long openDraft(long accountId, String period, String createdBy) {
        jdbc.update("DELETE l FROM settlement_lines l JOIN settlements s ON s.id = l.settlement_id "
                + "WHERE s.account_id = ? AND s.period = ? AND s.status = 'DRAFT'", accountId, period);
        jdbc.update("DELETE FROM settlements WHERE account_id = ? AND period = ? AND status = 'DRAFT'", accountId, period);
        int version = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM settlements WHERE account_id = ? "
                + "AND period = ?", Integer.class, accountId, period);
        jdbc.update("INSERT INTO settlements (account_id, period, version, status, created_by) VALUES (?, ?, ?, 'DRAFT', ?)",
                accountId, period, version, createdBy);
        return jdbc.queryForObject("SELECT id FROM settlements WHERE account_id = ? AND period = ? AND version = ?",
                Long.class, accountId, period, version);
    }

    /** Sums the draft's lines (one pass) and the account's extra costs for the period into its header. */
    public void computeTotals(long draftId) {
        Map<String, Object> lines = jdbc.queryForMap("SELECT COALESCE(SUM(gross), 0) AS gross, "
                + "COALESCE(SUM(seller_discount), 0) AS seller_discount, COALESCE(SUM(commission), 0) AS commission, "
                + "COALESCE(SUM(shipping), 0) AS shipping, COALESCE(SUM(refund), 0) AS refund, COUNT(*) AS line_count "
                + "FROM settlement_lines WHERE settlement_id = ?", draftId);
        BigDecimal extraCosts = jdbc.queryForObject("SELECT COALESCE(SUM(e.amount), 0) FROM extra_costs e JOIN settlements s "
                + "ON s.account_id = e.account_id AND s.period = e.period WHERE s.id = ?", BigDecimal.class, draftId);
        BigDecimal net = total(lines, "gross").subtract(total(lines, "seller_discount")).subtract(total(lines, "commission"))
                .add(total(lines, "shipping")).add(total(lines, "refund")).subtract(extraCosts);
        jdbc.update("UPDATE settlements SET gross = ?, seller_discount = ?, commission = ?, shipping = ?, refund = ?, "
                        + "line_count = ?, extra_costs = ?, net = ? WHERE id = ? AND status = 'DRAFT'",
                lines.get("gross"), lines.get("seller_discount"), lines.get("commission"), lines.get("shipping"),
                lines.get("refund"), lines.get("line_count"), extraCosts, net, draftId);
    }

    private static BigDecimal total(Map<String, Object> row, String column) {
        return (BigDecimal) row.get(column);
    }

    /**
     * Freezes the draft. When its content equals the standing confirmed version, the draft is dropped and that
     * version stands; otherwise the draft becomes the confirmed version, and the one before is superseded with the
     * differences recorded.
     */
    public Confirmation confirm(long draftId, String confirmedBy) {
        Snapshot draft = snapshot(draftId);
        String hash = contentHash(draftId);
        List<Snapshot> standing = jdbc.query(SNAPSHOT + "WHERE s.account_id = ? AND s.period = ? AND s.status = 'CONFIRMED'",
                SNAPSHOT_ROW, draft.accountId(), draft.period());
        Snapshot previous = standing.isEmpty() ? null : standing.get(0);
        if (previous != null && previous.contentSha256().equals(hash)) {
            jdbc.update("DELETE FROM settlement_lines WHERE settlement_id = ?", draftId);
            jdbc.update("DELETE FROM settlements WHERE id = ?", draftId);
            return new Confirmation(previous.id(), previous.version(), false, null);
        }
        jdbc.update("UPDATE settlements SET status = 'CONFIRMED', content_sha256 = ?, confirmed_by = ?, "
                + "confirmed_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'DRAFT'", hash, confirmedBy, draftId);
        if (previous == null) {
            return new Confirmation(draftId, draft.version(), true, null);
        }
        recordDifferences(draftId, previous.id());
        jdbc.update("UPDATE settlements SET status = 'SUPERSEDED', superseded_by = ? WHERE id = ?", draftId, previous.id());
        return new Confirmation(draftId, draft.version(), true, previous.id());
    }

    private void recordDifferences(long newId, long oldId) {
        for (String field : AMOUNTS) {
            // lines changed or added, then lines that disappeared
            jdbc.update("INSERT INTO settlement_differences (settlement_id, previous_id, order_id, line_id, field, "
                    + "old_value, new_value) SELECT ?, ?, n.order_id, n.line_id, ?, o." + field + ", n." + field
                    + " FROM settlement_lines n LEFT JOIN settlement_lines o ON o.settlement_id = ? "
                    + "AND o.order_id = n.order_id AND o.line_id = n.line_id "
                    + "WHERE n.settlement_id = ? AND NOT (o." + field + " <=> n." + field + ")", newId, oldId, field, oldId, newId);
            jdbc.update("INSERT INTO settlement_differences (settlement_id, previous_id, order_id, line_id, field, "
                    + "old_value, new_value) SELECT ?, ?, o.order_id, o.line_id, ?, o." + field + ", NULL "
                    + "FROM settlement_lines o LEFT JOIN settlement_lines n ON n.settlement_id = ? "
                    + "AND n.order_id = o.order_id AND n.line_id = o.line_id "
                    + "WHERE o.settlement_id = ? AND n.line_id IS NULL", newId, oldId, field, newId, oldId);
        }
    }

    /** The hash of what is stored now, computed the way confirming computed it. */
    public String contentHash(long settlementId) {
        Snapshot s = snapshot(settlementId);
        SettlementDigest digest = new SettlementDigest(s.accountId(), s.period(), String.join("|", s.gross().toString(),
                s.sellerDiscount().toString(), s.commission().toString(), s.shipping().toString(), s.refund().toString(),
                s.extraCosts().toString(), s.net().toString(), String.valueOf(s.lineCount())));
        forEachLine(settlementId, digest::add);
        return digest.hex();
    }

    /** Every frozen snapshot of the period whose stored content no longer matches its hash. */
    public List<String> verify(String period) {
        List<String> problems = new ArrayList<>();
        for (Snapshot s : jdbc.query(SNAPSHOT + "WHERE s.period = ? AND s.status <> 'DRAFT' ORDER BY s.id", SNAPSHOT_ROW, period)) {
            String now = contentHash(s.id());
            if (!now.equals(s.contentSha256())) {
                problems.add("settlement " + s.id() + " (" + s.accountLabel() + ", " + s.period() + ", v" + s.version()
                        + ") was altered: confirmed hash " + s.contentSha256() + ", content now hashes to " + now);
            }
        }
        return problems;
    }

    public Snapshot snapshot(long id) {
        return jdbc.queryForObject(SNAPSHOT + "WHERE s.id = ?", SNAPSHOT_ROW, id);
    }

    public List<Snapshot> snapshots(String period) {
        return jdbc.query(SNAPSHOT + "WHERE s.period = ? ORDER BY s.account_id, s.version", SNAPSHOT_ROW, period);
    }

    /** Streams a snapshot's lines in (order, line) order, without holding them all. */
    public void forEachLine(long settlementId, Consumer<SettlementLine> consumer) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("SELECT * FROM settlement_lines WHERE settlement_id = ? ORDER BY order_id, line_id",
                    java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row
            ps.setLong(1, settlementId);
            return ps;
        }, rs -> {
            consumer.accept(LINE.mapRow(rs, 0));
        });
    }

    public List<Map<String, Object>> differences(long settlementId) {
        return jdbc.queryForList("SELECT order_id, line_id, field, old_value, new_value FROM settlement_differences "
                + "WHERE settlement_id = ? ORDER BY order_id, line_id, field", settlementId);
    }

    private static final String SNAPSHOT = "SELECT s.*, CONCAT(t.tenant_key, '/', a.platform, '/', a.account_key) AS label "
            + "FROM settlements s JOIN mall_accounts a ON a.id = s.account_id JOIN tenants t ON t.id = a.tenant_id ";
    private static final RowMapper<Snapshot> SNAPSHOT_ROW = (rs, n) -> new Snapshot(rs.getLong("id"),
            rs.getLong("account_id"), rs.getString("label"), rs.getString("period"), rs.getInt("version"),
            rs.getString("status"), new Money(rs.getBigDecimal("gross")), new Money(rs.getBigDecimal("seller_discount")),
            new Money(rs.getBigDecimal("commission")), new Money(rs.getBigDecimal("shipping")),
            new Money(rs.getBigDecimal("refund")), new Money(rs.getBigDecimal("extra_costs")),
            new Money(rs.getBigDecimal("net")), rs.getInt("line_count"), rs.getString("content_sha256"));

    public static java.time.LocalDate periodStart(String period) {
        return java.time.YearMonth.parse(period).atDay(1);
    }
}
