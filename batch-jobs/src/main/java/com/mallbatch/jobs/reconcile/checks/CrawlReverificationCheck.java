package com.mallbatch.jobs.reconcile.checks;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Money;
import com.mallbatch.domain.Platform;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.CheckOutcome;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.CollectedVariant;
import com.mallbatch.domain.reconcile.Finding;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.domain.reconcile.ReconcileThresholds;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A second, separate look at a crawled account: a sample of max({@code reverifyMinSample},
 * {@code reverifySharePercent}% of) the variants the collect stored, seeded by account and date (the same run picks
 * the same sample), plus every variant with an open break of this check, re-read from their product pages now and
 * compared field by field. Each field's accuracy is judged by its Wilson interval: WARN when a field differs, FAIL when
 * even its upper bound is below {@code reverifyGoalPercent}. Each differing field is a break — stock HIGH (a wrong
 * count is how overselling starts), the others MEDIUM. A variant gone from its page since is not compared. Only stock
 * crawled in the last {@value #FRESH_HOURS} hours is re-read (a page shows today's values, not a past date's), and
 * never a paused account's.
 */
public final class CrawlReverificationCheck implements ReconcileCheck {

    public static final String NAME = "crawl_reverification";
    public static final String FIELD_DIFFERS = "FIELD_DIFFERS";

    /** The fields compared, each with how to read it from the stored and the re-read variant. */
    private record Field(String name, Function<CollectedVariant, Object> stored, Function<VariantStock, Object> now,
                         Severity severity) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("stock", CollectedVariant::quantity, v -> v.stock().quantity(), Severity.HIGH),
            new Field("extraPrice", c -> amount(c.additionalAmount()), v -> amount(v.variant().additionalAmount()),
                    Severity.MEDIUM),
            new Field("option", c -> Objects.toString(c.optionText(), ""), v -> Objects.toString(v.variant().optionText(), ""),
                    Severity.MEDIUM),
            new Field("sku", c -> Objects.toString(c.sellerSku(), ""), v -> Objects.toString(v.variant().sellerSku(), ""),
                    Severity.MEDIUM));

    /** Stock crawled longer ago than this is not compared with what its page shows now. */
    static final double FRESH_HOURS = 36;

    private final ReconcileFacts facts;
    private final PageRereads pages;
    private final Clock clock;

    public CrawlReverificationCheck(ReconcileFacts facts, PageRereads pages, Clock clock) {
        this.facts = facts;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean appliesTo(MallAccount account) {
        return account.platform() == Platform.CRAWL;
    }

    @Override
    public CheckOutcome run(Scope scope) {
        ReconcileThresholds limits = scope.thresholds();
        List<CollectedVariant> stored = facts.collectedVariants(scope.account().id(), scope.businessDate());
        String thresholds = "sample max(" + limits.reverifyMinSample() + ", " + limits.reverifySharePercent()
                + "%); a field differing WARN; FAIL when its Wilson upper bound (95%) < " + limits.reverifyGoalPercent() + "%";
        Double age = facts.freshness(scope.account().id(), scope.businessDate(), clock.instant()).stockAgeHours();
        if (scope.paused() || age == null || age > FRESH_HOURS) {
            return new CheckOutcome(NAME, List.of(new CheckResult("", null, "%", thresholds, Verdict.PASS,
                    scope.paused() ? "not re-read: the account is paused" : "not re-read: the stock of "
                            + scope.businessDate() + " was not crawled in the last " + (int) FRESH_HOURS
                            + " h, and its pages show today's values")), List.of(), Set.of());
        }
        if (stored.isEmpty()) {
            return new CheckOutcome(NAME, List.of(new CheckResult("", null, "%", thresholds, Verdict.PASS,
                    "nothing to re-read: no confirmed stock of " + scope.businessDate() + " (see freshness)")), List.of(), Set.of());
        }
        List<CollectedVariant> sample = sample(stored, scope);
        Map<String, VariantStock> now = pages.reread(scope.account(), sample.stream().map(CollectedVariant::productNo)
                        .distinct().toList(), scope.businessDate()).stream()
                .collect(Collectors.toMap(v -> v.variant().variantCode(), v -> v, (a, b) -> a, LinkedHashMap::new));
        List<Finding> findings = new ArrayList<>();
        Set<String> settled = new HashSet<>();
        Map<String, long[]> tally = new LinkedHashMap<>(); // field → {compared, matched}
        int gone = 0;
        for (CollectedVariant variant : sample) {
            VariantStock page = now.get(variant.variantCode());
            if (page == null) {
                gone++;
                continue;
            }
            for (Field field : FIELDS) {
                String key = variant.variantCode() + "/" + field.name();
                settled.add(key);
                long[] counts = tally.computeIfAbsent(field.name(), f -> new long[2]);
                counts[0]++;
                Object before = field.stored().apply(variant);
                Object after = field.now().apply(page);
                if (Objects.equals(before, after)) {
                    counts[1]++;
                } else {
                    findings.add(new Finding(FIELD_DIFFERS, key, field.severity(), null, "product " + variant.productNo()
                            + " variant " + variant.variantCode() + ": " + field.name() + " collected " + before
                            + ", its page shows " + after + " now"));
                }
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (Map.Entry<String, long[]> e : tally.entrySet()) {
            long compared = e.getValue()[0];
            long matched = e.getValue()[1];
            WilsonInterval interval = WilsonInterval.of(matched, compared);
            Verdict verdict = matched == compared ? Verdict.PASS
                    : interval.upper() * 100 < limits.reverifyGoalPercent() ? Verdict.FAIL : Verdict.WARN;
            results.add(new CheckResult(e.getKey(), percent(interval.lower()), "%", thresholds, verdict,
                    String.format("%d of %d re-read variants agree (Wilson 95%%: %.2f%%–%.2f%%); %d of %d sampled; %d gone",
                            matched, compared, interval.lower() * 100, interval.upper() * 100, sample.size(),
                            stored.size(), gone)));
        }
        return new CheckOutcome(NAME, results, findings, settled);
    }

    /** The seeded sample, and every variant this check has an open break about. */
    private List<CollectedVariant> sample(List<CollectedVariant> stored, Scope scope) {
        ReconcileThresholds limits = scope.thresholds();
        int size = (int) Math.min(stored.size(), Math.max(limits.reverifyMinSample(),
                Math.ceil(stored.size() * limits.reverifySharePercent() / 100)));
        List<CollectedVariant> shuffled = new ArrayList<>(stored);
        shuffled.sort(Comparator.comparing(CollectedVariant::variantCode));
        Collections.shuffle(shuffled, new Random(scope.account().id() * 1_000_003L + scope.businessDate().toEpochDay()));
        Set<String> open = facts.openBreakKeys(scope.account().id(), NAME).stream()
                .map(key -> key.substring(0, key.lastIndexOf('/'))).collect(Collectors.toSet());
        List<CollectedVariant> sample = new ArrayList<>(shuffled.subList(0, size));
        shuffled.subList(size, shuffled.size()).stream().filter(v -> open.contains(v.variantCode())).forEach(sample::add);
        return sample;
    }

    private static BigDecimal percent(double share) {
        return BigDecimal.valueOf(share * 100).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(2) : value.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(Money money) {
        return amount(money == null ? null : money.amount());
    }
}
