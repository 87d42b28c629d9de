package com.mallbatch.jobs.settlement;

import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** A settlement snapshot's lines and totals as '|'-joined rows, in the shape the tests' independent computations build. */
final class SettlementRows {

    private SettlementRows() {
    }

    /** line id | gross | discounts | commission | shipping | refund | net, by line id. */
    static List<String> lines(JdbcTemplate jdbc, long settlementId) {
        return jdbc.queryForList("SELECT CONCAT_WS('|', line_id, gross, seller_discount + coupon_discount, commission, "
                + "shipping, refund, net) FROM settlement_lines WHERE settlement_id = ? ORDER BY line_id", String.class,
                settlementId);
    }

    /** gross, discounts, commission, shipping, refund, extra costs, net, line count. */
    static List<String> totals(Snapshot s) {
        return List.of(s.gross().toString(), s.sellerDiscount().toString(), s.commission().toString(), s.shipping().toString(),
                s.refund().toString(), s.extraCosts().toString(), s.net().toString(), String.valueOf(s.lineCount()));
    }
}
