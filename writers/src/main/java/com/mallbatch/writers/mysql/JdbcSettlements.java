package com.mallbatch.writers.mysql;

import com.mallbatch.domain.Money;
import com.mallbatch.domain.settlement.SettlementChain;
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
import java.util.Optional;
import java.util.function.Consumer;

import static com.mallbatch.writers.mysql.TableSpec.amount;
import static com.mallbatch.writers.mysql.TableSpec.column;
import static com.mallbatch.writers.mysql.TableSpec.key;

/**
 * Settlement snapshots in MySQL: drafts are built and rebuilt freely; confirming — a person's act — freezes one (the
 * triggers refuse any later change), hashes its canonical content, appends it to the hash chain, and supersedes the
 * previous version, listing what changed. Verifying recomputes hashes and walks the chain.
 */
public final class JdbcSettlements {

    public static final TableSpec<SettlementLine> SETTLEMENT_LINES = TableSpec.of("settlement_lines",
            key("settlement_id", SettlementLine::settlementId),
            key("order_id", SettlementLine::orderId),
            key("line_id", SettlementLine::lineId),
            column("ordered_at", SettlementLine::orderedAt),
            column("product_no", SettlementLine::productNo),
            column("product_name", SettlementLine::productName),
            column("option_text", SettlementLine::optionText),
            column("quantity", SettlementLine::quantity),
            amount("unit_price", SettlementLine::unitPrice),
            column("platform_status", SettlementLine::platformStatus),
            column("status", SettlementLine::status),
            amount("gross", SettlementLine::gross),
            amount("seller_discount", SettlementLine::sellerDiscount),
            amount("coupon_discount", SettlementLine::couponDiscount),
            amount("commission", SettlementLine::commission),
            amount("shipping", SettlementLine::shipping),
            amount("refund", SettlementLine::refund),
            amount("net", SettlementLine::net));
    private static final List<String> AMOUNTS = List.of("gross", "seller_discount", "coupon_discount", "commission",
            "shipping", "refund", "net");
    private static final RowMapper<SettlementLine> LINE = (rs, n) -> new SettlementLine(rs.getLong("settlement_id"),
            rs.getString("line_id"), rs.getString("order_id"), rs.getObject("ordered_at", LocalDateTime.class),
            rs.getString("product_no"), rs.getString("product_name"), rs.getString("option_text"), rs.getInt("quantity"),
            money(rs.getBigDecimal("unit_price")), rs.getString("platform_status"), rs.getString("status"),
            money(rs.getBigDecimal("gross")), money(rs.getBigDecimal("seller_discount")),
            money(rs.getBigDecimal("coupon_discount")), money(rs.getBigDecimal("commission")),
            money(rs.getBigDecimal("shipping")), money(rs.getBigDecimal("refund")), money(rs.getBigDecimal("net")));

    /** A snapshot's header, with the account it belongs to. {@code sellerDiscount} covers discounts and coupons. */
    public record Snapshot(long id, long accountId, String tenantKey, String platform, String accountKey, String site,
                           String period, int version, String status, Money gross, Money sellerDiscount,
                           Money commission, Money shipping, Money refund, Money extraCosts, Money net, int lineCount,
                           String contentSha256, String confirmedBy, LocalDateTime confirmedAt, String comment,
                           Long supersededBy) {

        /** tenant/PLATFORM/accountKey */
        public String accountLabel() {
            return tenantKey + "/" + platform + "/" + accountKey;
        }
    }

    /** The outcome of confirming a draft: the snapshot that now stands, whether it is new, and the one it replaced. */
    public record Confirmation(long settlementId, int version, boolean changed, Long supersededId) {
    }

    /** One of the seller's extra costs of a period (imported from finance's workbook). */
    public record ExtraCost(String costType, String description, Money amount, String source) {
    }

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public JdbcSettlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getDataSource();
    }

    /**
     * A draft's lines go by JDBC batch on every server, never by the staged load: with the triggers that freeze
     * confirmed lines, MariaDB 10.5.28, 10.6.21, 10.11.11, 11.4.5 (the demo's embedded server) and 11.7.2 refuse the
     * staged merge, a multi-row INSERT (columns) SELECT, with "Column 'settlement_id' cannot be null" (MDEV-36026).
     */
    public ItemWriter<SettlementLine> lineWriter() {
        return UpsertWriter.rowPerItem(dataSource, SETTLEMENT_LINES, UpsertMode.JDBC_BATCH);
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
        draft(accountId, period).ifPresent(draft -> deleteDraft(draft.id()));
        int version = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM settlements WHERE account_id = ? "
                + "AND period = ?", Integer.class, accountId, period);
        jdbc.update("INSERT INTO settlements (account_id, period, version, status, created_by) VALUES (?, ?, ?, 'DRAFT', ?)",
                accountId, period, version, createdBy);
        return jdbc.queryForObject("SELECT id FROM settlements WHERE account_id = ? AND period = ? AND version = ?",
                Long.class, accountId, period, version);
    }

    /**
     * Freezes the account's extra costs for the period into the draft (a later import changes the next draft, never
     * this one) and sums them and the draft's lines (one pass) into its header.
     */
    public void computeTotals(long draftId) {
        jdbc.update("DELETE FROM settlement_extra_costs WHERE settlement_id = ?", draftId);
        jdbc.update("INSERT INTO settlement_extra_costs (settlement_id, cost_type, description, amount, source) "
                + "SELECT s.id, e.cost_type, e.description, e.amount, e.source FROM extra_costs e JOIN settlements s "
                + "ON s.account_id = e.account_id AND s.period = e.period WHERE s.id = ? AND s.status = 'DRAFT'", draftId);
        Map<String, Object> lines = jdbc.queryForMap("SELECT COALESCE(SUM(gross), 0) AS gross, "
                + "COALESCE(SUM(seller_discount + coupon_discount), 0) AS seller_discount, "
                + "COALESCE(SUM(commission), 0) AS commission, COALESCE(SUM(shipping), 0) AS shipping, "
                + "COALESCE(SUM(refund), 0) AS refund, COUNT(*) AS line_count "
                + "FROM settlement_lines WHERE settlement_id = ?", draftId);
        BigDecimal extraCosts = jdbc.queryForObject("SELECT COALESCE(SUM(amount), 0) FROM settlement_extra_costs "
                + "WHERE settlement_id = ?", BigDecimal.class, draftId);
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
     * A draft whose content equals the standing confirmed version is nothing to review: it is dropped.
     *
     * @return the standing version when the draft was dropped
     */
    public Optional<Snapshot> dropIfUnchanged(long draftId) {
        Snapshot draft = snapshot(draftId);
        Optional<Snapshot> standing = standing(draft.accountId(), draft.period());
        if (standing.isPresent() && standing.get().contentSha256().equals(contentHash(draftId))) {
            deleteDraft(draftId);
            return standing;
        }
        return Optional.empty();
    }

    private void deleteDraft(long draftId) {
        jdbc.update("DELETE FROM settlement_lines WHERE settlement_id = ?", draftId);
        jdbc.update("DELETE FROM settlement_extra_costs WHERE settlement_id = ?", draftId);
        jdbc.update("DELETE FROM settlements WHERE id = ? AND status = 'DRAFT'", draftId);
    }

    /**
     * Freezes a draft on a person's word: CONFIRMED, hashed, chained; the standing version, if any, is superseded by it
     * and the differences are recorded. A draft equal to the standing version is dropped and that version stands.
     * Run it in one transaction.
     */
    public Confirmation confirm(long draftId, String confirmedBy, String comment) {
        // locked first: a recompute replacing this draft waits for the confirmation, or has already replaced it
        if (jdbc.queryForList("SELECT id FROM settlements WHERE id = ? FOR UPDATE", Long.class, draftId).isEmpty()) {
            throw new IllegalStateException("settlement " + draftId + " is gone: a recompute replaced the draft; review "
                    + "the new one");
        }
        Snapshot draft = snapshot(draftId);
        if (!draft.status().equals("DRAFT")) {
            throw new IllegalStateException("settlement " + draftId + " is " + draft.status() + ", not a draft");
        }
        String hash = contentHash(draftId);
        Optional<Snapshot> previous = standing(draft.accountId(), draft.period());
        if (previous.isPresent() && previous.get().contentSha256().equals(hash)) {
            deleteDraft(draftId);
            return new Confirmation(previous.get().id(), previous.get().version(), false, null);
        }
        jdbc.update("UPDATE settlements SET status = 'CONFIRMED', content_sha256 = ?, confirmed_by = ?, "
                + "confirmed_at = CURRENT_TIMESTAMP(3), confirm_comment = ? WHERE id = ? AND status = 'DRAFT'",
                hash, confirmedBy, comment, draftId);
        appendToChain(draftId, draft.accountId(), draft.period(), draft.version(), hash);
        if (previous.isEmpty()) {
            return new Confirmation(draftId, draft.version(), true, null);
        }
        recordDifferences(draftId, previous.get().id());
        jdbc.update("UPDATE settlements SET status = 'SUPERSEDED', superseded_by = ? WHERE id = ?", draftId, previous.get().id());
        return new Confirmation(draftId, draft.version(), true, previous.get().id());
    }

    private void appendToChain(long settlementId, long accountId, String period, int version, String hash) {
        // the last link, locked: two confirmations at once must not both chain onto it
        List<String> last = jdbc.queryForList("SELECT link FROM settlement_chain ORDER BY sequence DESC LIMIT 1 FOR UPDATE",
                String.class);
        String previous = last.isEmpty() ? SettlementChain.GENESIS : last.get(0);
        jdbc.update("INSERT INTO settlement_chain (settlement_id, account_id, period, version, content_sha256, "
                        + "previous_link, link) VALUES (?, ?, ?, ?, ?, ?, ?)", settlementId, accountId, period, version,
                hash, previous, SettlementChain.link(previous, hash, version, period, accountId));
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
        extraCosts(settlementId).forEach(cost -> digest.addExtraCost(cost.costType(), cost.description(),
                cost.amount().toString()));
        return digest.hex();
    }

    /**
     * Everything about the period's snapshots (and the chain as a whole) that evidence tampering: an altered, missing
     * or unchained snapshot, a superseded one pointing anywhere but at a newer confirmed version of its account and
     * period, a broken chain link, and a chain emptied while the ERP still holds postings. Empty when all is well.
     */
    public List<String> verify(String period) {
        List<String> problems = new ArrayList<>(new ChainWalk(jdbc, this).problems(period));
        for (Snapshot s : jdbc.query(SNAPSHOT + "WHERE s.period = ? AND s.status <> 'DRAFT' ORDER BY s.id", SNAPSHOT_ROW, period)) {
            String now = contentHash(s.id());
            if (!now.equals(s.contentSha256())) {
                problems.add("settlement " + s.id() + " (" + s.accountLabel() + ", " + s.period() + ", v" + s.version()
                        + ") was altered: confirmed hash " + s.contentSha256() + ", content now hashes to " + now);
            }
            if (s.status().equals("SUPERSEDED") && !supersededProperly(s)) {
                problems.add("settlement " + s.id() + " (" + s.accountLabel() + ", " + s.period() + ", v" + s.version()
                        + ") is SUPERSEDED by " + s.supersededBy() + ", which is not a newer confirmed version of it");
            }
        }
        return problems;
    }

    private boolean supersededProperly(Snapshot s) {
        return s.supersededBy() != null && jdbc.queryForObject("SELECT COUNT(*) FROM settlements WHERE id = ? AND account_id = ? "
                        + "AND period = ? AND version > ? AND status IN ('CONFIRMED', 'SUPERSEDED')", Integer.class,
                s.supersededBy(), s.accountId(), s.period(), s.version()) == 1;
    }

    public Snapshot snapshot(long id) {
        return jdbc.queryForObject(SNAPSHOT + "WHERE s.id = ?", SNAPSHOT_ROW, id);
    }

    public Optional<Snapshot> findSnapshot(long id) {
        return jdbc.query(SNAPSHOT + "WHERE s.id = ?", SNAPSHOT_ROW, id).stream().findFirst();
    }

    public List<Snapshot> snapshots(String period) {
        return jdbc.query(SNAPSHOT + "WHERE s.period = ? ORDER BY s.account_id, s.version", SNAPSHOT_ROW, period);
    }

    /** The confirmed version of an account's period that stands, if any. */
    public Optional<Snapshot> standing(long accountId, String period) {
        return jdbc.query(SNAPSHOT + "WHERE s.account_id = ? AND s.period = ? AND s.status = 'CONFIRMED'", SNAPSHOT_ROW,
                accountId, period).stream().findFirst();
    }

    /** The draft of an account's period awaiting review, if any. */
    public Optional<Snapshot> draft(long accountId, String period) {
        return jdbc.query(SNAPSHOT + "WHERE s.account_id = ? AND s.period = ? AND s.status = 'DRAFT'", SNAPSHOT_ROW,
                accountId, period).stream().findFirst();
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

    /** The version this one superseded, if any. */
    public Optional<Long> previousVersion(long settlementId) {
        return jdbc.queryForList("SELECT id FROM settlements WHERE superseded_by = ?", Long.class, settlementId).stream()
                .findFirst();
    }

    /** The snapshot's link in the settlement chain, or null for a draft. */
    public String chainLink(long settlementId) {
        return jdbc.query("SELECT link FROM settlement_chain WHERE settlement_id = ?", (rs, n) -> rs.getString(1),
                settlementId).stream().findFirst().orElse(null);
    }

    /** The extra costs frozen with a snapshot, in (type, description) order. */
    public List<ExtraCost> extraCosts(long settlementId) {
        return jdbc.query("SELECT cost_type, description, amount, source FROM settlement_extra_costs WHERE settlement_id = ? "
                + "ORDER BY cost_type, description", (rs, n) -> new ExtraCost(rs.getString(1), rs.getString(2),
                new Money(rs.getBigDecimal(3)), rs.getString(4)), settlementId);
    }

    private static final String SNAPSHOT = "SELECT s.*, t.tenant_key, a.platform, a.account_key, a.crawl_profile "
            + "FROM settlements s JOIN mall_accounts a ON a.id = s.account_id JOIN tenants t ON t.id = a.tenant_id ";
    private static final RowMapper<Snapshot> SNAPSHOT_ROW = (rs, n) -> new Snapshot(rs.getLong("id"),
            rs.getLong("account_id"), rs.getString("tenant_key"), rs.getString("platform"), rs.getString("account_key"),
            rs.getString("crawl_profile"), rs.getString("period"), rs.getInt("version"), rs.getString("status"),
            money(rs.getBigDecimal("gross")), money(rs.getBigDecimal("seller_discount")),
            money(rs.getBigDecimal("commission")), money(rs.getBigDecimal("shipping")), money(rs.getBigDecimal("refund")),
            money(rs.getBigDecimal("extra_costs")), money(rs.getBigDecimal("net")), rs.getInt("line_count"),
            rs.getString("content_sha256"), rs.getString("confirmed_by"),
            rs.getObject("confirmed_at", LocalDateTime.class), rs.getString("confirm_comment"),
            rs.getObject("superseded_by", Long.class));

    private static Money money(BigDecimal amount) {
        return amount == null ? null : new Money(amount);
    }

    public static java.time.LocalDate periodStart(String period) {
        return java.time.YearMonth.parse(period).atDay(1);
    }
}
