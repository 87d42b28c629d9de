package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.ExtractorRegistry;
import com.mallbatch.readers.MallExtractors;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcCategoryMemberships;
import com.mallbatch.writers.mysql.JdbcCrawlOutcomes;
import com.mallbatch.writers.mysql.JdbcStockLevels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.Set;

/**
 * collectJob: for one business date, pull categories, products, variants with stock, and orders from every enabled
 * mall account into the canonical tables.
 *
 * <pre>
 * collectCategories ─▶ collectProducts ─▶ collectCategoryMemberships ─▶ collectVariantsAndStock ─▶ collectOrders
 *   (each partitioned: one worker step per account, {@code mallbatch.collect.concurrency} at a time)
 * </pre>
 *
 * Readers keep their cursor in the step's ExecutionContext and writers upsert on natural keys, so a restart with the
 * same {@code businessDate} resumes each unfinished account where it stopped and completed ones are not redone.
 * Malformed records are skipped into {@code skipped_records} — but an order only when the operator allowed it
 * ({@link OrderSkipPolicy}); transient database errors are retried; mall faults are retried inside the platform
 * client, and what outlasts them fails the account's step (and so the job, for a restart). An account's stock of the
 * date is partial until its step completes; memberships it no longer saw are dropped when that step completes.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CollectProperties.class)
public class CollectJobConfiguration {

    public static final String JOB_NAME = "collectJob";

    @Bean
    public Job collectJob(JobRepository jobRepository, Step collectCategories, Step collectProducts,
                          Step collectCategoryMemberships, Step collectVariantsAndStock, Step collectOrders,
                          MallAccounts accounts, JdbcStockLevels stockLevels) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(businessDateRequired())
                .listener(new StaleStockMarker(accounts, stockLevels))
                .start(collectCategories)
                .next(collectProducts)
                .next(collectCategoryMemberships)
                .next(collectVariantsAndStock)
                .next(collectOrders)
                .build();
    }

    @Bean
    public Step collectCategories(CollectSteps steps, ItemStreamReader<Category> categoryReader, CanonicalTables tables) {
        return steps.perAccount("collectCategories", "category", categoryReader, tables.categories(), null);
    }

    @Bean
    public Step collectProducts(CollectSteps steps, ItemStreamReader<Product> productReader, CanonicalTables tables) {
        return steps.perAccount("collectProducts", "product", productReader, tables.products(), null);
    }

    @Bean
    public Step collectCategoryMemberships(CollectSteps steps, ItemStreamReader<CategoryMembership> membershipReader,
                                           ItemWriter<CategoryMembership> membershipWriter,
                                           JdbcCategoryMemberships memberships) {
        return steps.perAccount("collectCategoryMemberships", "category product", membershipReader, membershipWriter,
                memberships::completed);
    }

    @Bean
    public Step collectVariantsAndStock(CollectSteps steps, ItemStreamReader<VariantStock> variantStockReader,
                                        CanonicalTables tables, JdbcStockLevels stockLevels) {
        return steps.perAccount("collectVariantsAndStock", "variant", variantStockReader,
                tables.variantsAndStock(), stockLevels::completed);
    }

    @Bean
    public Step collectOrders(CollectSteps steps, ItemStreamReader<Order> orderReader, CanonicalTables tables) {
        return steps.perAccount("collectOrders", "order", orderReader, tables.orders(), null);
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

    @Bean
    AccountReaders accountReaders(MallAccounts accounts, ExtractorRegistry extractors) {
        return new AccountReaders(accounts, extractors);
    }

    @Bean
    CollectSteps collectSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                              MallAccounts accounts, CollectProperties properties, JdbcSkipLog skipLog,
                              JdbcCollectStats stats, JdbcCrawlOutcomes crawlOutcomes,
                              ObjectProvider<MeterRegistry> meters) {
        return new CollectSteps(jobRepository, transactionManager, accounts, properties, skipLog, stats, crawlOutcomes,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    static JobParametersValidator businessDateRequired() {
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

    /** Builds the partitioned manager step and its chunk-oriented worker, the same way for every entity. */
    record CollectSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager,
                        MallAccounts accounts, CollectProperties properties, JdbcSkipLog skipLog,
                        JdbcCollectStats stats, JdbcCrawlOutcomes crawlOutcomes, MeterRegistry meters) {

        /**
         * @param onCompleted what an account's completed step settles for its business date (null: nothing)
         */
        <T> Step perAccount(String name, String entity, ItemStreamReader<T> reader, ItemWriter<T> writer,
                            AccountStepCompletion.Action onCompleted) {
            CollectStepListener listener = new CollectStepListener(entity, skipLog, stats);
            var builder = new StepBuilder(name + ".worker", jobRepository)
                    .<T, T>chunk(properties.chunkSize())
                    .transactionManager(transactionManager)
                    .reader(reader)
                    .writer(writer)
                    .stream(new AccountDayCounts())
                    .faultTolerant()
                    .skipPolicy(entity.equals("order") ? new OrderSkipPolicy(properties.orderSkipLimit())
                            : new LimitCheckingExceptionHierarchySkipPolicy(Set.of(MalformedRecordException.class),
                            properties.skipLimit()))
                    .retry(TransientDataAccessException.class)
                    .retryLimit(3)
                    .skipListener(listener)
                    .listener(listener)
                    .listener(new CrawlOutcomeListener(entity, accounts, crawlOutcomes, meters));
            if (onCompleted != null) {
                builder.listener(new AccountStepCompletion(onCompleted));
            }
            Step worker = builder.build();
            SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor(name + "-");
            executor.setConcurrencyLimit(properties.concurrency());
            return new StepBuilder(name, jobRepository)
                    .partitioner(worker.getName(), new AccountPartitioner(accounts))
                    .step(worker)
                    .gridSize(properties.concurrency())
                    .taskExecutor(executor)
                    .build();
        }
    }
}
