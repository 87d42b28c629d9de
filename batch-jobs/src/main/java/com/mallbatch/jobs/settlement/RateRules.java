package com.mallbatch.jobs.settlement;

import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Effective-dated rates (commission per platform, crawled site and category, or the mall's share of shipping fees per
 * platform and site): the rule in force on a date is the latest one that started on or before it. A rule for the
 * account's own site wins over one for every site of the platform; a product's categories are tried most specific
 * first, and one without a rule of its own falls back to the general rule.
 */
final class RateRules {

    record Rule(String platform, String site, String categoryNo, BigDecimal rate, LocalDate effectiveFrom) {
    }

    private final String what;
    private final String importJob;
    private final List<Rule> rules;

    RateRules(String what, String importJob, List<Rule> rules) {
        this.what = what;
        this.importJob = importJob;
        this.rules = rules.stream().sorted(Comparator.comparing(Rule::effectiveFrom).reversed()).toList();
    }

    static RateRules commissions(JdbcTemplate jdbc) {
        return new RateRules("commission", "importCommissionRulesJob", jdbc.query("SELECT platform, site, category_no, rate, effective_from "
                + "FROM commission_rules", (rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getBigDecimal(4), rs.getObject(5, LocalDate.class))));
    }

    static RateRules shippingFees(JdbcTemplate jdbc) {
        return new RateRules("shipping fee", "importShippingFeeRulesJob", jdbc.query("SELECT platform, site, rate, effective_from FROM shipping_fee_rules",
                (rs, n) -> new Rule(rs.getString(1), rs.getString(2), null, rs.getBigDecimal(3),
                        rs.getObject(4, LocalDate.class))));
    }

    /** The rate in force; {@code required} rules fail with a clear message when none is. */
    BigDecimal rate(String platform, String site, List<String> categoryNos, LocalDate on, boolean required) {
        List<String> categories = new ArrayList<>(categoryNos);
        categories.add(null);
        List<String> sites = site == null ? java.util.Collections.singletonList(null) : java.util.Arrays.asList(site, null);
        for (String ruleSite : sites) {
            for (String category : categories) {
                for (Rule rule : rules) {
                    if (rule.platform().equals(platform) && Objects.equals(rule.site(), ruleSite)
                            && Objects.equals(rule.categoryNo(), category) && !rule.effectiveFrom().isAfter(on)) {
                        return rule.rate();
                    }
                }
            }
        }
        if (required) {
            throw new IllegalStateException("No " + what + " rule for " + platform + (site == null ? "" : " site " + site)
                    + (categoryNos.isEmpty() ? "" : " (categories " + categoryNos + ")") + " in force on " + on
                    + "; import one (" + importJob + ")");
        }
        return BigDecimal.ZERO;
    }
}
