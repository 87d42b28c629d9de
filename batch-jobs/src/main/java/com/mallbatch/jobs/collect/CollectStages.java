package com.mallbatch.jobs.collect;

import com.mallbatch.domain.Category;
import com.mallbatch.domain.CategoryMembership;
import com.mallbatch.domain.DailySettlement;
import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Order;
import com.mallbatch.domain.Product;
import com.mallbatch.domain.VariantStock;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.writers.mysql.CanonicalTables;
import com.mallbatch.writers.mysql.JdbcCategoryMemberships;
import com.mallbatch.writers.mysql.JdbcCollectStats;
import com.mallbatch.writers.mysql.JdbcCrawlOutcomes;
import com.mallbatch.writers.mysql.JdbcSkipLog;
import com.mallbatch.writers.mysql.JdbcStockLevels;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.batch.core.job.builder.FlowBuilder;
import org.springframework.batch.core.job.flow.Flow;
import org.springframework.batch.core.job.flow.support.SimpleFlow;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.skip.LimitCheckingExceptionHierarchySkipPolicy;
import org.springframework.batch.core.step.skip.SkipPolicy;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.Set;

/**
 * The stages of one account's collect, each a chunk-oriented step named after the stage and the account. Readers and
 * writers are step-scoped: each stage step gets its own, bound to the account in its ExecutionContext (copied from its
 * partition's) and the job's business date. Malformed records are skipped into {@code skipped_records} — an order
 * only when the operator allowed it ({@link OrderSkipPolicy}); transient database errors are retried; mall faults are
 * retried inside the platform client, and what outlasts them fails the stage and so the account's flow.
 */
public final class CollectStages {

    static final String CATEGORIES = "collectCategories";
    static final String PRODUCTS = "collectProducts";
    static final String CATEGORY_MEMBERSHIPS = "collectCategoryMemberships";
    static final String VARIANTS_AND_STOCK = "collectVariantsAndStock";
    static final String ORDERS = "collectOrders";
    static final String DAILY_SETTLEMENTS = "collectDailySettlements";

    /** The beans a stage is made of. {@code periodOrders} reads a settlement period's orders again. */
    record Parts(ItemStreamReader<Category> categories, ItemStreamReader<Product> products,
                 ItemStreamReader<CategoryMembership> memberships, ItemWriter<CategoryMembership> membershipWriter,
                 ItemStreamReader<VariantStock> variants, ItemStreamReader<Order> orders,
                 ItemStreamReader<Order> periodOrders, ItemStreamReader<DailySettlement> dailySettlements,
                 CanonicalTables tables,
                 JdbcCategoryMemberships categoryMemberships, JdbcStockLevels stockLevels) {
    }

    private final JobRepository jobRepository;
    private final PlatformTransactionManager transactionManager;
    private final CollectProperties properties;
    private final Parts parts;
    private final CollectStepListener.Sinks sinks;
    private final MallAccounts accounts;
    private final JdbcCrawlOutcomes crawlOutcomes;
    private final CrawlSuccessRates crawlSuccessRates;
    private final ObservationRegistry observations;
    private final CollectProgress progress;

    CollectStages(JobRepository jobRepository, PlatformTransactionManager transactionManager, CollectProperties properties,
                  Parts parts, CollectStepListener.Sinks sinks, MallAccounts accounts, JdbcCrawlOutcomes crawlOutcomes,
                  MeterRegistry meters, ObservationRegistry observations) {
        this.jobRepository = jobRepository;
        this.transactionManager = transactionManager;
        this.properties = properties;
        this.parts = parts;
        this.sinks = sinks;
        this.accounts = accounts;
        this.crawlOutcomes = crawlOutcomes;
        this.crawlSuccessRates = new CrawlSuccessRates(meters);
        this.observations = observations;
        this.progress = new CollectProgress(properties.progressInterval());
    }

    /** Reports a running collect's progress; listens to the job and to every stage. */
    CollectProgress progress() {
        return progress;
    }

    /**
     * The account's flow: every stage in order; a failed stage ends it, and a restart resumes at that stage. The
     * platform's own daily settlements come last, for platforms that report them.
     */
    Flow flowOf(StepExecution partition, String account, boolean dailySettlements) {
        AccountKeys keys = new AccountKeys(partition.getExecutionContext());
        FlowBuilder<SimpleFlow> flow = new FlowBuilder<SimpleFlow>("collect:" + account)
                .start(stage(CATEGORIES, account, "category", parts.categories(), parts.tables().categories(), keys, null))
                .next(stage(PRODUCTS, account, "product", parts.products(), parts.tables().products(), keys, null))
                .next(stage(CATEGORY_MEMBERSHIPS, account, "category product", parts.memberships(), parts.membershipWriter(),
                        keys, parts.categoryMemberships()::completed))
                .next(stage(VARIANTS_AND_STOCK, account, "variant", parts.variants(), parts.tables().variantsAndStock(),
                        keys, parts.stockLevels()::completed))
                .next(stage(ORDERS, account, "order", parts.orders(), parts.tables().orders(), keys, null));
        if (dailySettlements) {
            flow.next(stage(DAILY_SETTLEMENTS, account, "daily settlement", parts.dailySettlements(),
                    parts.tables().dailySettlements(), keys, null));
        }
        return flow.build();
    }

    /**
     * The worker of a partitioned step that reads each account's orders of a settlement period again (its partitions,
     * from {@link AccountPartitioner}, name the accounts), so returns and confirmations recorded after the nightly
     * look-back reach the period before it is settled.
     */
    public Step periodOrdersWorker(String name) {
        return stage(name, null, "order", parts.periodOrders(), parts.tables().orders(), AccountKeys.NONE, null);
    }

    /**
     * @param account     names the step after the account ({@code stage:account}); null for a partition worker
     * @param keys        gives a stage of an account's flow its account, before any other listener looks for it
     * @param onCompleted what the account's completed stage settles for its business date (null: nothing)
     */
    private <T> Step stage(String stage, String account, String entity, ItemStreamReader<T> reader, ItemWriter<T> writer,
                           AccountKeys keys, AccountStepCompletion.Action onCompleted) {
        CollectStepListener listener = new CollectStepListener(entity, sinks);
        var builder = new StepBuilder(account == null ? stage : stage + ":" + account, jobRepository)
                .observationRegistry(observations)
                .<T, T>chunk(properties.chunkSize())
                .transactionManager(transactionManager)
                .reader(reader)
                .writer(writer)
                .stream(new AccountDayCounts())
                .faultTolerant()
                .skipPolicy(skipPolicy(entity))
                .retry(TransientDataAccessException.class)
                .retryLimit(3)
                .skipListener(listener)
                .listener(keys)
                .listener(listener)
                .listener(new CrawlOutcomeListener(entity, accounts, crawlOutcomes, crawlSuccessRates))
                .listener((StepExecutionListener) progress);
        if (onCompleted != null) {
            builder.listener(new AccountStepCompletion(onCompleted));
        }
        return builder.build();
    }

    private SkipPolicy skipPolicy(String entity) {
        return entity.equals("order") ? new OrderSkipPolicy(properties.orderSkipLimit())
                : new LimitCheckingExceptionHierarchySkipPolicy(Set.of(MalformedRecordException.class), properties.skipLimit());
    }
}
