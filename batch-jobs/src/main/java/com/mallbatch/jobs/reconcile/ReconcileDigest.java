package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.AlertNotifier;
import com.mallbatch.domain.reconcile.CheckResult;
import com.mallbatch.domain.reconcile.Severity;
import com.mallbatch.domain.reconcile.Verdict;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import com.mallbatch.jobs.reconcile.checks.StockVsMasterCheck;
import com.mallbatch.writers.mysql.JdbcImports;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.TenantEvent;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One digest per tenant per run, through the alert notifier: the date, a line per mall (collected or not, stock match,
 * orders against the mall's totals, new CRITICAL breaks), the worst new breaks, and where to look. It tells only break
 * events newer than the tenant's last digest that are news (opened, reopened, escalated); a run with none — an
 * unchanged day, a rerun — records its digest as not sent. Malls with news come first. A digest the notifier could
 * not deliver is recorded as such and its events are told again by the next run. The notifier keeps its own pace.
 */
public final class ReconcileDigest {

    static final int TOP_BREAKS = 5;
    static final int MALL_FIELDS = 8;

    private final JdbcReconcileLedger ledger;
    private final JdbcImports tenants;
    private final AccountHealthStore health;
    private final AlertNotifier notifier;

    public ReconcileDigest(JdbcReconcileLedger ledger, JdbcImports tenants, AccountHealthStore health,
                           AlertNotifier notifier) {
        this.ledger = ledger;
        this.tenants = tenants;
        this.health = health;
        this.notifier = notifier;
    }

    /** Sends (or records as unchanged) the digest of each tenant of {@code accounts}; returns how many were sent. */
    public int send(List<MallAccount> accounts, LocalDate date, long jobExecutionId) {
        Map<String, List<MallAccount>> byTenant = accounts.stream().collect(Collectors.groupingBy(MallAccount::tenantKey,
                LinkedHashMap::new, Collectors.toList()));
        int sent = 0;
        for (Map.Entry<String, List<MallAccount>> tenant : byTenant.entrySet()) {
            Optional<Long> tenantId = tenants.tenantId(tenant.getKey());
            if (tenantId.isPresent() && digest(tenantId.get(), tenant.getKey(), tenant.getValue(), date, jobExecutionId)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean digest(long tenantId, String tenantKey, List<MallAccount> accounts, LocalDate date, long jobExecutionId) {
        long after = ledger.lastDigest(tenantId).map(JdbcReconcileLedger.Digest::lastEventId).orElse(0L);
        List<TenantEvent> news = ledger.eventsAfter(tenantId, after, BreakLifecycle.NEWSWORTHY);
        if (news.isEmpty()) {
            ledger.recordDigest(tenantId, date, jobExecutionId, after, 0, false, "nothing new");
            return false;
        }
        AlertNotifier.Alert alert = alert(tenantKey, accounts, date, news);
        String body = alert.title() + "\n" + alert.fields().entrySet().stream().map(f -> f.getKey() + ": " + f.getValue())
                .collect(Collectors.joining("\n"));
        boolean delivered = notifier.deliver(alert);
        // not delivered: the watermark stays, so the next run tells these events again
        long upTo = delivered ? news.get(news.size() - 1).eventId() : after;
        ledger.recordDigest(tenantId, date, jobExecutionId, upTo, news.size(), delivered,
                delivered ? body : "NOT DELIVERED (told again next run): " + body);
        return delivered;
    }

    private AlertNotifier.Alert alert(String tenantKey, List<MallAccount> accounts, LocalDate date, List<TenantEvent> news) {
        Map<Long, MallAccount> byId = accounts.stream().collect(Collectors.toMap(MallAccount::id, a -> a));
        long critical = news.stream().filter(e -> e.severity() == Severity.CRITICAL).count();
        String title = "Reconcile " + date + ": " + news.size() + " new or worse break(s)"
                + (critical > 0 ? ", " + critical + " CRITICAL (oversell risk)" : "");
        Map<String, String> fields = new LinkedHashMap<>();
        Set<Long> withNews = news.stream().map(TenantEvent::accountId).collect(Collectors.toSet());
        accounts.stream().sorted(Comparator.comparing((MallAccount a) -> !withNews.contains(a.id()))
                        .thenComparing(MallAccount::label)).limit(MALL_FIELDS)
                .forEach(a -> fields.put(a.platform() + " " + a.accountKey(), mallLine(a, date, news)));
        if (accounts.size() > MALL_FIELDS) {
            fields.put("Other malls", (accounts.size() - MALL_FIELDS) + " more; see the admin web");
        }
        fields.put("Top breaks", news.stream()
                .sorted(Comparator.comparing(TenantEvent::severity).reversed()
                        .thenComparing(e -> e.amount() == null ? java.math.BigDecimal.ZERO : e.amount(), Comparator.reverseOrder()))
                .limit(TOP_BREAKS)
                .map(e -> "#" + e.breakId() + " " + e.severity() + " " + e.type() + " "
                        + Optional.ofNullable(byId.get(e.accountId())).map(MallAccount::label).orElse("account " + e.accountId())
                        + (e.event().equals(BreakLifecycle.OPENED) ? "" : " (" + e.event().toLowerCase() + ")") + ": " + e.evidence())
                .collect(Collectors.joining("\n")));
        String context = "Where to look: admin web → Reconciliation, date " + date + " (or reconcile_breaks / "
                + "reconcile_results in the database). Decide with --mallbatch.command=acknowledge-break|resolve-break|"
                + "accept-break break=ID by=NAME comment=\"…\"";
        return new AlertNotifier.Alert(tenantKey, title, fields, context);
    }

    private String mallLine(MallAccount account, LocalDate date, List<TenantEvent> news) {
        AccountHealth state = health.get(account.id());
        String collected = state.paused() ? "paused (" + state.pausedReason() + ")"
                : state.lastSuccessDate() != null && !state.lastSuccessDate().isBefore(date) ? "collected"
                : "NOT collected: " + state.lastFailureStage() + " — " + state.lastFailureMessage();
        String stock = ledger.latestResults(date, account.id(), StockVsMasterCheck.NAME).stream().findFirst()
                .map(r -> r.figure() == null ? "stock not compared" : "stock match " + r.figure().stripTrailingZeros()
                        .toPlainString() + "%").orElse("stock not compared");
        List<CheckResult> totals = ledger.latestResults(date, account.id(), OrdersVsMallTotalsCheck.NAME);
        long compared = totals.stream().filter(r -> r.verdict() == Verdict.PASS || r.verdict() == Verdict.FAIL)
                .filter(r -> r.figure() != null).count();
        long matched = totals.stream().filter(r -> r.verdict() == Verdict.PASS && r.figure() != null).count();
        boolean pending = totals.stream().anyMatch(r -> r.verdict() == Verdict.PENDING);
        String orders = compared == 0 ? (pending ? "mall totals pending" : "no mall totals")
                : "orders matched " + matched + "/" + compared + (pending ? " (report pending)" : "");
        long newCritical = news.stream().filter(e -> e.accountId() == account.id() && e.severity() == Severity.CRITICAL)
                .map(TenantEvent::breakId).distinct().count();
        return collected + " · " + stock + " · " + orders + " · new CRITICAL " + newCritical;
    }
}
