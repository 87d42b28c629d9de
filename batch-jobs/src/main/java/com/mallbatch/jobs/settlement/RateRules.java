package com.mallbatch.jobs.settlement;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Effective-dated rates (commission per platform and category, or the mall's share of shipping fees per platform):
 * the rule in force on a date is the latest one that started on or before it. A product's categories are tried most
 * specific first; one without a rule of its own falls back to the platform's general rule.
 */
final class RateRules {

    record Rule(String platform, String categoryNo, BigDecimal rate, LocalDate effectiveFrom) {
    }

    private final String what;
    private final List<Rule> rules;

    private RateRules(String what, List<Rule> rules) {
        this.what = what;
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::effectiveFrom).reversed()).toList();
    }

    static RateRules commissions(JdbcTemplate jdbc) {
        return new RateRules("commission", jdbc.query("SELECT platform, category_no, rate, effective_from FROM commission_rules",
                (rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class))));
    }

    static RateRules shippingFees(JdbcTemplate jdbc) {
        return new RateRules("shipping fee", jdbc.query("SELECT platform, NULL, rate, effective_from FROM shipping_fee_rules",
                (rs, n) -> new Rule(rs.getString(1), null, rs.getBigDecimal(3), rs.getObject(4, LocalDate.class))));
    }

    /** The rate in force; {@code required} rules fail with a clear message when none is. */
    BigDecimal rate(String platform, List<String> categoryNos, LocalDate on, boolean required) {
        List<String> candidates = new ArrayList<>(categoryNos);
        candidates.add(null);
        for (String category : candidates) {
            for (Rule rule : rules) {
                if (rule.platform().equals(platform) && Objects.equals(rule.categoryNo(), category)
                        && !rule.effectiveFrom().isAfter(on)) {
                    return rule.rate();
                }
            }
        }
        if (required) {
            throw new IllegalStateException("No " + what + " rule for " + platform
                    + (categoryNos.isEmpty() ? "" : " (categories " + categoryNos + ")") + " in force on " + on);
        }
        return BigDecimal.ZERO;
    }
}
