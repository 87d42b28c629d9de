package com.mallbatch.jobs.collect;

import com.mallbatch.domain.AccountHealth;
import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.AccountHealthStore;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.health.AccountHealthService;
import com.mallbatch.jobs.launch.AccountSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition per enabled account that is not paused, named after the account ({@code acme/CAFE24/acmeshop}). The
 * names do not depend on the grid size or the order accounts come back in, so a restart finds exactly the partitions
 * of the failed run. A paused account is left out, and the log says so and how to resume it.
 */
public final class AccountPartitioner implements Partitioner {

    private static final Logger log = LoggerFactory.getLogger(AccountPartitioner.class);
    public static final String ACCOUNT_ID = "accountId";
    static final String ACCOUNT = "account";
    /** Longest account label kept whole in step names (BATCH_STEP_EXECUTION.STEP_NAME holds 100 characters). */
    private static final int MAX_LABEL = 70;

    private final MallAccounts accounts;
    private final AccountHealthStore health;
    private final AccountSelection selection;
    private final boolean includePaused;

    public AccountPartitioner(MallAccounts accounts, AccountHealthStore health) {
        this(accounts, health, AccountSelection.ALL, false);
    }

    /**
     * @param tenantKey     only the accounts of this tenant; null: every tenant's
     * @param includePaused whether paused accounts get a partition too (reconcile reports on them; collect skips them)
     */
    public AccountPartitioner(MallAccounts accounts, AccountHealthStore health, String tenantKey, boolean includePaused) {
        this(accounts, health, AccountSelection.of(tenantKey, java.util.List.of()), includePaused);
    }

    /**
     * @param selection     only these accounts (a tenant's, a subset of labels)
     * @param includePaused whether paused accounts get a partition too
     */
    public AccountPartitioner(MallAccounts accounts, AccountHealthStore health, AccountSelection selection,
                              boolean includePaused) {
        this.accounts = accounts;
        this.health = health;
        this.selection = selection;
        this.includePaused = includePaused;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (MallAccount account : accounts.enabled()) {
            if (!selection.includes(account)) {
                continue;
            }
            AccountHealth state = health.get(account.id());
            if (state.paused() && !includePaused) {
                log.warn("Skipping paused account {} (paused {} after: {}); resume it with: {}", account.label(),
                        state.pausedAt(), state.pausedReason(), AccountHealthService.resumeCommand(account));
                continue;
            }
            ExecutionContext context = new ExecutionContext();
            context.putLong(ACCOUNT_ID, account.id());
            context.putString(ACCOUNT, account.label());
            partitions.put(stepSuffix(account), context);
        }
        return partitions;
    }

    /** What names an account in its step names: its label, or, when too long, its start and its id. */
    static String stepSuffix(MallAccount account) {
        String label = account.label();
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 12) + "…#" + account.id();
    }
}
