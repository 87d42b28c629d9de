package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.support.BusinessDate;
import com.mallbatch.readers.crawl.CrawlPages;
import com.mallbatch.readers.crawl.FieldParseCounts;
import com.mallbatch.writers.mysql.JdbcCrawlOutcomes;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;


/**
 * After each account's step of a crawl: records its page success rate (table and the
 * {@code mallbatch.crawl.success.rate} gauge, per site and account), and the parse rate of each field of the site
 * profile it read ({@code crawl_field_parse_rates}, for reconciliation's layout-drift check).
 */
final class CrawlOutcomeListener implements StepExecutionListener {

    private static final String PAGES_OK = CrawlPages.OK;
    private static final String PAGES_FAILED = CrawlPages.FAILED;

    private final String entity;
    private final MallAccounts accounts;
    private final JdbcCrawlOutcomes outcomes;
    private final CrawlSuccessRates successRates;

    CrawlOutcomeListener(String entity, MallAccounts accounts, JdbcCrawlOutcomes outcomes, CrawlSuccessRates successRates) {
        this.entity = entity;
        this.accounts = accounts;
        this.outcomes = outcomes;
        this.successRates = successRates;
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (!context.containsKey(AccountPartitioner.ACCOUNT_ID)) {
            return step.getExitStatus();
        }
        long accountId = context.getLong(AccountPartitioner.ACCOUNT_ID);
        if (context.containsKey(PAGES_OK)) {
            MallAccount account = accounts.byId(accountId);
            long ok = context.getLong(PAGES_OK);
            long failed = context.getLong(PAGES_FAILED, 0);
            outcomes.recordPages(step.getId(), step.getJobExecutionId(), accountId, account.crawlProfile(), entity, ok, failed);
            successRates.set(account, ok, failed);
            String date = step.getJobExecution().getJobParameters().getString(BusinessDate.PARAMETER);
            outcomes.recordFieldParses(step.getId(), step.getJobExecutionId(), accountId, account.crawlProfile(),
                    date == null ? null : BusinessDate.parse(date), FieldParseCounts.in(context).stream()
                            .map(c -> new JdbcCrawlOutcomes.FieldParses(c.entity(), c.field(), c.rowsSeen(), c.rowsParsed()))
                            .toList());
        }
        return step.getExitStatus();
    }
}
