package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.AlertNotifier;
import com.mallbatch.domain.port.DailyTotalsLog;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.domain.port.ReconcileFacts;
import com.mallbatch.domain.reconcile.ReconcileCheck;
import com.mallbatch.jobs.collect.AccountPartitioner;
import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.collect.CollectJobConfiguration;
import com.mallbatch.jobs.reconcile.checks.CrawlReverificationCheck;
import com.mallbatch.jobs.reconcile.checks.FreshnessCheck;
import com.mallbatch.jobs.reconcile.checks.LayoutDriftCheck;
import com.mallbatch.jobs.reconcile.checks.OrdersVsMallTotalsCheck;
import com.mallbatch.jobs.reconcile.checks.SalesReports;
import com.mallbatch.jobs.reconcile.checks.StockVsMasterCheck;
import com.mallbatch.jobs.reconcile.checks.VolumeAnomalyCheck;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.ExtractorRegistry;
import com.mallbatch.writers.mysql.JdbcImports;
import com.mallbatch.writers.mysql.JdbcReconcileLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * reconcileJob: for one business date (and optionally one {@code tenant}), every enabled account's checks, then one
 * digest per tenant.
 *
 * <pre>
 * reconcileAccounts — partitioned once per account, paused ones included, {@code mallbatch.reconcile.concurrency} at a time:
 *   reconcileAccount:acme/CAFE24/acmeshop = chunk-oriented over the checks (one check a chunk: its results and
 *                                           break events commit together)
 * then ({@link ReconcileOutcome}) one digest per tenant of what is new, the gauges, and the failed accounts named
 * </pre>
 *
 * A failed run restarts with the same parameters: completed accounts are kept, a failed one goes on with its first
 * check not recorded. A run of an already reconciled date (a re-check for a report that was late: {@code recheck=N})
 * records only what changed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconcileProperties.class)
public class ReconcileJobConfiguration {

    public static final String JOB_NAME = "reconcileJob";
    static final String ACCOUNTS_STEP = "reconcileAccounts";
    static final String ACCOUNT_STEP = "reconcileAccount";

    @Bean
    public Job reconcileJob(JobRepository jobRepository, Step reconcileAccounts, ReconcileDigest tenantDigests,
                            MallAccounts accounts, ReconcileMetrics metrics, Map<String, ReconcileCheck> reconcileCheckSet) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(parameters(reconcileCheckSet.keySet(), accounts))
                .listener(new ReconcileOutcome(tenantDigests, accounts, metrics, jobRepository))
                .start(reconcileAccounts)
                .build();
    }

    /** A business date, and in {@code checks} (when given, joined by {@code +}) only names of checks this app runs. */
    private static JobParametersValidator parameters(Set<String> known, MallAccounts accounts) {
        JobParametersValidator date = CollectJobConfiguration.businessDateAndAccounts(accounts);
        return parameters -> {
            date.validate(parameters);
            String checks = parameters.getString("checks");
            for (String name : checks == null || checks.isBlank() ? new String[0] : checks.split("\\+")) {
                if (!known.contains(name)) {
                    throw new InvalidJobParametersException("checks names '" + name + "'; the checks are " + known);
                }
            }
        };
    }

    @Bean
    Step reconcileAccounts(JobRepository jobRepository, Step reconcileAccount, Partitioner reconcilePartitioner,
                           ReconcileProperties properties) {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(ACCOUNT_STEP + "-");
        executor.setConcurrencyLimit(properties.concurrency());
        return new StepBuilder(ACCOUNTS_STEP, jobRepository)
                .partitioner(ACCOUNT_STEP, reconcilePartitioner)
                .step(reconcileAccount)
                .gridSize(properties.concurrency())
                .taskExecutor(executor)
                .build();
    }

    /**
     * One partition per enabled account of the job's {@code tenant} and {@code accounts} (every one without them),
     * paused ones too.
     */
    @Bean
    @StepScope
    Partitioner reconcilePartitioner(MallAccounts accounts, AccountHealthStore health,
                                     @Value("#{jobParameters['tenant']}") String tenant,
                                     @Value("#{jobParameters['accounts']}") String selected) {
        return new TenantAnchoredPartitioner(new AccountPartitioner(accounts, health,
                AccountSelection.parse(tenant, selected), true), accounts);
    }

    @Bean
    Step reconcileAccount(JobRepository jobRepository, PlatformTransactionManager tx,
                          ItemStreamReader<String> reconcileChecks,
                          ItemProcessor<String, AccountCheckRun.Recorded> accountCheckRun, BreakLifecycle lifecycle) {
        return new StepBuilder(ACCOUNT_STEP, jobRepository)
                .<String, AccountCheckRun.Recorded>chunk(1)
                .transactionManager(tx)
                .reader(reconcileChecks)
                .processor(accountCheckRun)
                .writer(AccountCheckRun.recorder(lifecycle))
                .faultTolerant()
                .retry(TransientDataAccessException.class)
                .retryLimit(3)
                .build();
    }

    /**
     * The checks of the run: the configured ones, or those its {@code checks} parameter names, joined by {@code +} (a
     * comma would be read by Batch as a parameter type), as the morning re-check does.
     */
    @Bean
    @StepScope
    ItemStreamReader<String> reconcileChecks(Map<String, ReconcileCheck> reconcileCheckSet,
                                             @Value("#{jobParameters['checks']}") String checks) {
        List<String> names = new ArrayList<>(reconcileCheckSet.keySet());
        if (checks != null && !checks.isBlank()) {
            names.retainAll(List.of(checks.split("\\+")));
        }
        return new CheckNames(names);
    }

    @Bean
    @StepScope
    ItemProcessor<String, AccountCheckRun.Recorded> accountCheckRun(Map<String, ReconcileCheck> reconcileCheckSet,
                                                                    MallAccounts accounts, AccountHealthStore health,
                                                                    ReconcileProperties properties,
                                                                    @Value("#{stepExecution}") StepExecution step) {
        MallAccount account = accounts.byId(step.getExecutionContext().getLong(AccountPartitioner.ACCOUNT_ID));
        LocalDate date = BusinessDate.parse(step.getJobParameters().getString(BusinessDate.PARAMETER));
        return new AccountCheckRun(reconcileCheckSet, new ReconcileCheck.Scope(account, date,
                properties.thresholdsFor(account.tenantKey()), Boolean.parseBoolean(step.getExecutionContext().getString(TenantAnchoredPartitioner.TENANT_ANCHOR, "false")),
                health.get(account.id()).paused()), step.getJobExecutionId());
    }

    /** The checks that run, in order, by name: all of them unless {@code mallbatch.reconcile.checks} names some. */
    @Bean
    Map<String, ReconcileCheck> reconcileCheckSet(List<ReconcileCheck> all, ReconcileProperties properties) {
        Map<String, ReconcileCheck> byName = new LinkedHashMap<>();
        all.forEach(check -> byName.put(check.name(), check));
        if (properties.checks().isEmpty()) {
            return byName;
        }
        Map<String, ReconcileCheck> chosen = new LinkedHashMap<>();
        for (String name : properties.checks()) {
            ReconcileCheck check = byName.get(name);
            if (check == null) {
                throw new IllegalArgumentException("mallbatch.reconcile.checks names '" + name + "'; the checks are "
                        + byName.keySet());
            }
            chosen.put(name, check);
        }
        return chosen;
    }

    @Bean
    FreshnessCheck freshnessCheck(ReconcileFacts facts, AccountHealthStore health, Clock clock) {
        return new FreshnessCheck(facts, health, clock);
    }

    @Bean
    StockVsMasterCheck stockVsMasterCheck(ReconcileFacts facts) {
        return new StockVsMasterCheck(facts);
    }

    @Bean
    OrdersVsMallTotalsCheck ordersVsMallTotalsCheck(ReconcileFacts facts, ExtractorRegistry extractors,
                                                    DailyTotalsLog totalsLog, Clock clock) {
        SalesReports reports = (account, day) -> {
            var report = extractors.forAccount(account).salesReport(account, day);
            report.ifPresent(totalsLog::record);
            return report;
        };
        return new OrdersVsMallTotalsCheck(facts, reports, clock);
    }

    @Bean
    VolumeAnomalyCheck volumeAnomalyCheck(ReconcileFacts facts) {
        return new VolumeAnomalyCheck(facts);
    }

    @Bean
    CrawlReverificationCheck crawlReverificationCheck(ReconcileFacts facts, ExtractorRegistry extractors, Clock clock) {
        return new CrawlReverificationCheck(facts, (account, productNos, date) ->
                extractors.forAccount(account).reread(account, productNos, date), clock);
    }

    @Bean
    LayoutDriftCheck layoutDriftCheck(ReconcileFacts facts) {
        return new LayoutDriftCheck(facts);
    }

    @Bean
    BreakLifecycle breakLifecycle(JdbcReconcileLedger ledger) {
        return new BreakLifecycle(ledger);
    }

    @Bean
    public BreakDecisions breakDecisions(JdbcReconcileLedger ledger, PlatformTransactionManager tx, ReconcileMetrics metrics) {
        return new BreakDecisions(ledger, tx, metrics::refresh);
    }

    @Bean
    ReconcileDigest tenantDigests(JdbcReconcileLedger ledger, JdbcImports imports, AccountHealthStore health,
                                    AlertNotifier notifier) {
        return new ReconcileDigest(ledger, imports, health, notifier);
    }

    @Bean
    ReconcileMetrics reconcileMetrics(JdbcReconcileLedger ledger, MallAccounts accounts, Clock clock,
                                      ObjectProvider<MeterRegistry> meters) {
        ReconcileMetrics metrics = new ReconcileMetrics(ledger, accounts, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
        metrics.refresh(); // what the database holds from before this process started
        return metrics;
    }
}
