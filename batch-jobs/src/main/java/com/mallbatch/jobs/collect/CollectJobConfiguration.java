package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.AlertNotifier;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthMetrics;
import com.mallbatch.jobs.health.AccountHealthService;
import com.mallbatch.jobs.health.HealthProperties;
import com.mallbatch.jobs.launch.AccountSelection;
import com.mallbatch.jobs.scaleout.RemotePartitionedStep;
import com.mallbatch.jobs.scaleout.WorkerIdentity;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.ExtractorRegistry;
import com.mallbatch.readers.MallExtractors;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcCategoryMemberships;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcCrawlOutcomes;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import com.mallbatch.writers.mysql.JdbcStockLevels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * collectJob: for one business date, every enabled mall account's categories, products, category memberships,
 * variants with stock, orders and (where the platform reports them) its daily settlements, into the canonical tables.
 *
 * <pre>
 * collectAccounts — partitioned once per account that is not paused, {@code mallbatch.collect.concurrency} at a time:
 *   collectAccount:acme/CAFE24/acmeshop = collectCategories ─▶ collectProducts ─▶ collectCategoryMemberships
 *                                          ─▶ collectVariantsAndStock ─▶ collectOrders       (each :acme/CAFE24/acmeshop)
 *                                          [─▶ collectDailySettlements, where the platform reports them (SmartStore)]
 * </pre>
 *
 * With {@code mallbatch.collect.mode=manager} the same partitions run on worker processes over RabbitMQ (the
 * {@code scaleout} package); the default runs them here. Each partition runs its account's whole flow, so one broken
 * account never holds up the others: every healthy account
 * finishes all its stages for the date. The job ends FAILED when any account failed, naming each one, its stage and
 * its first error line; the same parameters then restart only the failed accounts, each from the stage and the page
 * where it stopped (readers keep their cursor in the ExecutionContext, writers upsert on natural keys). Each account
 * run moves its health: a failure streak alerts, then pauses the account ({@link AccountHealthService}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CollectProperties.class, HealthProperties.class})
public class CollectJobConfiguration {

    public static final String JOB_NAME = "collectJob";
    public static final String ACCOUNTS_STEP = "collectAccounts";
    public static final String ACCOUNT_STEP = "collectAccount";

    @Bean
    public Job collectJob(JobRepository jobRepository, Step collectAccounts, MallAccounts accounts,
                          JdbcStockLevels stockLevels, AccountHealthMetrics healthMetrics, CollectStages stages) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(businessDateAndAccounts(accounts))
                .listener(new CollectOutcome(accounts, jobRepository, stockLevels, healthMetrics))
                .listener((JobExecutionListener) stages.progress())
                .start(collectAccounts)
                .build();
    }

    /**
     * Partitioned once per account. Local mode (the default) runs the partitions on this process's threads; manager
     * mode sends them to workers over RabbitMQ and follows them in the job repository ({@link RemotePartitionedStep}).
     */
    @Bean
    public Step collectAccounts(JobRepository jobRepository, Step collectAccount, Partitioner collectPartitioner,
                                CollectProperties properties, ObjectProvider<RemotePartitionedStep> remote) {
        Partitioner partitioner = collectPartitioner;
        RemotePartitionedStep manager = remote.getIfAvailable();
        if (manager != null) {
            return manager.build(ACCOUNTS_STEP, ACCOUNT_STEP, partitioner, properties.concurrency());
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(ACCOUNT_STEP + "-");
        executor.setConcurrencyLimit(properties.concurrency());
        return new StepBuilder(ACCOUNTS_STEP, jobRepository)
                .partitioner(ACCOUNT_STEP, partitioner)
                .step(collectAccount)
                .gridSize(properties.concurrency())
                .taskExecutor(executor)
                .build();
    }

    /** One partition per enabled account of the run's {@link AccountSelection} (every one without it). */
    @Bean
    @StepScope
    Partitioner collectPartitioner(MallAccounts accounts, AccountHealthStore healthStore,
                                   @Value("#{jobParameters['tenant']}") String tenant,
                                   @Value("#{jobParameters['accounts']}") String selected) {
        return new AccountPartitioner(accounts, healthStore, AccountSelection.parse(tenant, selected), false);
    }

    /** One account's whole collect: the step every partition runs, here or on a worker (found there by this name). */
    @Bean
    public Step collectAccount(JobRepository jobRepository, CollectStages stages, MallAccounts accounts,
                               ExtractorRegistry extractors, AccountHealthService health, CollectProperties properties,
                               WorkerIdentity worker, ObjectProvider<ObservationRegistry> observations) {
        return new AccountCollect(jobRepository, stages, accounts, extractors, health,
                new PlatformPermits(properties.platformConcurrency()), worker,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    CollectStages collectStages(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                                CollectProperties properties, ItemStreamReader<Category> categoryReader,
                                ItemStreamReader<Product> productReader,
                                ItemStreamReader<CategoryMembership> membershipReader,
                                ItemWriter<CategoryMembership> membershipWriter,
                                ItemStreamReader<VariantStock> variantStockReader, ItemStreamReader<Order> orderReader,
                                ItemStreamReader<Order> periodOrderReader,
                                ItemStreamReader<DailySettlement> dailySettlementReader,
                                CanonicalTables tables, JdbcCategoryMemberships memberships, JdbcStockLevels stockLevels,
                                JdbcSkipLog skipLog, JdbcCollectStats stats, MallAccounts accounts,
                                JdbcCrawlOutcomes crawlOutcomes, ObjectProvider<MeterRegistry> meters,
                                WorkerIdentity worker, ObjectProvider<ObservationRegistry> observations) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        return new CollectStages(jobRepository, transactionManager, properties,
                new CollectStages.Parts(categoryReader, productReader, membershipReader, membershipWriter,
                        variantStockReader, orderReader, periodOrderReader, dailySettlementReader, tables,
                        memberships, stockLevels),
                new CollectStepListener.Sinks(skipLog, stats, accounts, registry, worker.name()), accounts, crawlOutcomes,
                registry,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    AccountHealthMetrics accountHealthMetrics(AccountHealthStore store, MallAccounts accounts, Clock clock,
                                              ObjectProvider<MeterRegistry> meters) {
        AccountHealthMetrics metrics = new AccountHealthMetrics(store, accounts, clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
        metrics.refresh();
        return metrics;
    }

    @Bean
    AccountHealthService accountHealthService(AccountHealthStore store, MallAccounts accounts, AlertNotifier alerts,
                                              HealthProperties properties, Clock clock) {
        return new AccountHealthService(store, accounts, alerts, properties, clock);
    }

    // Readers are step-scoped: each partition gets its own, bound to its account and the job's business date.

    @Bean
    @StepScope
    public ItemStreamReader<Category> categoryReader(AccountReaders readers,
                                                     @Value("#{stepExecutionContext['accountId']}") Long accountId) {
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).categories(account);
    }

    @Bean
    @StepScope
    public ItemStreamReader<CategoryMembership> membershipReader(AccountReaders readers,
                                                                 @Value("#{stepExecutionContext['accountId']}") Long accountId) {
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).categoryMemberships(account);
    }

    @Bean
    @StepScope
    public ItemWriter<CategoryMembership> membershipWriter(CanonicalTables tables,
                                                           @Value("#{jobParameters['businessDate']}") String businessDate) {
        return tables.categoryMemberships(BusinessDate.parse(businessDate));
    }

    @Bean
    @StepScope
    public ItemStreamReader<Product> productReader(AccountReaders readers,
                                                   @Value("#{stepExecutionContext['accountId']}") Long accountId) {
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).products(account);
    }

    @Bean
    @StepScope
    public ItemStreamReader<VariantStock> variantStockReader(AccountReaders readers,
                                                             @Value("#{stepExecutionContext['accountId']}") Long accountId,
                                                             @Value("#{jobParameters['businessDate']}") String businessDate) {
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).variantsAndStock(account, BusinessDate.parse(businessDate));
    }

    @Bean
    @StepScope
    public ItemStreamReader<Order> orderReader(AccountReaders readers, CollectProperties properties,
                                               @Value("#{stepExecutionContext['accountId']}") Long accountId,
                                               @Value("#{jobParameters['businessDate']}") String businessDate) {
        LocalDate date = BusinessDate.parse(businessDate);
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).orders(account, date.minusDays(properties.orderLookbackDays()), date);
    }

    /** The platform's own daily settlements of the order look-back's sales days, where it reports them. */
    @Bean
    @StepScope
    public ItemStreamReader<DailySettlement> dailySettlementReader(AccountReaders readers, CollectProperties properties,
                                                                   @Value("#{stepExecutionContext['accountId']}") Long accountId,
                                                                   @Value("#{jobParameters['businessDate']}") String businessDate) {
        LocalDate date = BusinessDate.parse(businessDate);
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).dailySettlements(account, date.minusDays(properties.orderLookbackDays()), date);
    }

    /**
     * A settlement period's orders (placed from its first day to its last, or yesterday if sooner), as they stand
     * yesterday.
     */
    @Bean
    @StepScope
    public ItemStreamReader<Order> periodOrderReader(AccountReaders readers, Clock clock,
                                                     @Value("#{stepExecutionContext['accountId']}") Long accountId,
                                                     @Value("#{jobParameters['period']}") String period) {
        YearMonth month = YearMonth.parse(period);
        LocalDate yesterday = LocalDate.now(clock.withZone(BusinessDate.SEOUL)).minusDays(1);
        LocalDate to = month.atEndOfMonth().isAfter(yesterday) ? yesterday : month.atEndOfMonth();
        MallAccount account = readers.account(accountId);
        return readers.extractors(account).periodOrders(account, month.atDay(1), to, yesterday);
    }

    @Bean
    AccountReaders accountReaders(MallAccounts accounts, ExtractorRegistry extractors) {
        return new AccountReaders(accounts, extractors);
    }

    /** A business date, and the run's {@code tenant} and {@code accounts} naming enabled accounts. */
    public static JobParametersValidator businessDateAndAccounts(MallAccounts accounts) {
        JobParametersValidator date = businessDateRequired();
        JobParametersValidator selection = AccountSelection.validator(accounts);
        return parameters -> {
            date.validate(parameters);
            selection.validate(parameters);
        };
    }

    public static JobParametersValidator businessDateRequired() {
        return parameters -> {
            String value = parameters == null ? null : parameters.getString(BusinessDate.PARAMETER);
            try {
                BusinessDate.parse(value);
            } catch (IllegalArgumentException e) {
                throw new InvalidJobParametersException(e.getMessage());
            }
        };
    }

    /** Looks up an account and its platform adapter. */
    record AccountReaders(MallAccounts accounts, ExtractorRegistry registry) {

        MallAccount account(long id) {
            return accounts.byId(id);
        }

        MallExtractors extractors(MallAccount account) {
            return registry.forAccount(account);
        }
    }
}
