package com.mallbatch.jobs.collect;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One partition per enabled mall account, named after the account id. The names do not depend on the grid size or
 * the order accounts come back in, so a restart finds exactly the partitions of the failed run.
 */
final class AccountPartitioner implements Partitioner {

    static final String ACCOUNT_ID = "accountId";

    private final MallAccounts accounts;

    AccountPartitioner(MallAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (MallAccount account : accounts.enabled()) {
            ExecutionContext context = new ExecutionContext();
            context.putLong(ACCOUNT_ID, account.id());
            context.putString("account", account.label());
            partitions.put("account-" + account.id(), context);
        }
        return partitions;
    }
}
