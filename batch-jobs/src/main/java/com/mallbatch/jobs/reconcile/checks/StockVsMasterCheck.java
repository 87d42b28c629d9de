package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.StockPosition;
import com.mallbatch.domain.reconcile.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Each variant a mall lists against the seller's master inventory: master available = the imported physical quantity
 * less the units sold on any of the tenant's malls and not yet shipped. A mall showing more than that can sell what
 * the seller does not have (CRITICAL, oversell risk), and so can a variant sold without a stock limit when nothing is
 * available; a mall showing less loses sales (LOW, rising with age). SKUs only one side knows are breaks of their own.
 * Stale and partial stock is not compared here: freshness reports it.
 */
public final class StockVsMasterCheck implements ReconcileCheck {

    public static final String NAME = "stock_vs_master";
    public static final String OVERSELL_RISK = "OVERSELL_RISK";
    public static final String LOST_SALES = "LOST_SALES";
    public static final String UNKNOWN_SKU_ON_MALL = "UNKNOWN_SKU_ON_MALL";
    public static final String MASTER_SKU_NOT_LISTED = "MASTER_SKU_NOT_LISTED";

    private final ReconcileFacts facts;

    public StockVsMasterCheck(ReconcileFacts facts) {
        this.facts = facts;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        String tenant = scope.account().tenantKey();
        String thresholds = "match >= " + scope.thresholds().stockMatchGoalPercent() + "% else WARN; any oversell risk FAIL";
        if (!facts.hasMasterInventory(tenant, scope.businessDate())) {
            return new CheckOutcome(NAME, List.of(new CheckResult("", null, "%", thresholds, Verdict.PASS,
                    "not compared: tenant " + tenant + " has imported no master inventory (importMasterInventoryJob)")),
                    List.of(), Set.of());
        }
        List<Finding> findings = new ArrayList<>();
        Set<String> settled = new HashSet<>(); // only what was looked at: stale, partial or missing stock settles nothing
        int compared = 0;
        int matched = 0;
        int oversell = 0;
        int withoutSku = 0;
        for (StockPosition p : facts.stockPositions(scope.account().id(), tenant, scope.businessDate())) {
            if (p.sellerSku() == null || p.sellerSku().isBlank()) {
                withoutSku++; // nothing to match it by: counted, not a break (the seller chose not to code it)
                continue;
            }
            String key = p.sellerSku() + "@" + p.variantCode();
            settled.add(key);
            Long available = p.masterAvailable();
            if (available == null) {
                findings.add(new Finding(UNKNOWN_SKU_ON_MALL, key, Severity.MEDIUM, null, "variant " + p.variantCode()
                        + " of product " + p.productNo() + " has SKU " + p.sellerSku()
                        + ", which the master inventory does not know"));
                continue;
            }
            compared++;
            if (!p.tracked()) {
                if (p.selling() && available <= 0) {
                    oversell++;
                    findings.add(new Finding(OVERSELL_RISK, key, Severity.CRITICAL, BigDecimal.valueOf(1 - available),
                            "SKU " + p.sellerSku() + " sells without a stock limit on the mall, master available "
                                    + available + " (physical " + p.masterQuantity() + ", unshipped " + p.unshippedUnits() + ")"));
                } else {
                    matched++;
                }
                continue;
            }
            long listed = p.listedQuantity();
            if (listed == available) {
                matched++;
            } else if (listed > available) {
                oversell++;
                findings.add(new Finding(OVERSELL_RISK, key, Severity.CRITICAL, BigDecimal.valueOf(listed - available),
                        evidence(p, available, "more than the seller has")));
            } else {
                findings.add(new Finding(LOST_SALES, key, Severity.LOW, BigDecimal.valueOf(available - listed),
                        evidence(p, available, "less than the seller has")));
            }
        }
        if (scope.tenantAnchor()) {
            facts.openBreakKeys(scope.account().id(), NAME).stream().filter(k -> !k.contains("@")).forEach(settled::add);
            for (String sku : facts.masterSkusListedNowhere(tenant, scope.businessDate())) {
                findings.add(new Finding(MASTER_SKU_NOT_LISTED, sku, Severity.LOW, null,
                        "SKU " + sku + " is in the master inventory but on none of " + tenant + "'s malls"));
            }
        }
        BigDecimal rate = compared == 0 ? null
                : BigDecimal.valueOf(matched * 100.0 / compared).setScale(2, RoundingMode.HALF_UP);
        Verdict verdict = oversell > 0 ? Verdict.FAIL
                : rate != null && rate.doubleValue() < scope.thresholds().stockMatchGoalPercent() ? Verdict.WARN : Verdict.PASS;
        String detail = matched + " of " + compared + " variants match master available; " + oversell
                + " oversell risk(s); " + (findings.size() - (compared - matched)) + " SKU(s) unknown to one side; "
                + withoutSku + " variant(s) without a seller SKU, not compared";
        return new CheckOutcome(NAME, List.of(new CheckResult("", rate, "%", thresholds, verdict, detail)), findings, settled);
    }

    private static String evidence(StockPosition p, long available, String what) {
        return "SKU " + p.sellerSku() + " (variant " + p.variantCode() + "): mall lists " + p.listedQuantity() + ", "
                + what + " — master available " + available + " (physical " + p.masterQuantity() + ", unshipped "
                + p.unshippedUnits() + ")";
    }
}
