package com.mallbatch.jobs.reconcile;

import com.mallbatch.domain.MallAccount;
import com.mallbatch.domain.port.MallAccounts;
import com.mallbatch.jobs.collect.AccountPartitioner;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The account partitions, each also told whether its account reports its tenant's findings that belong to no one
 * account (each tenant's first enabled account does): worked out once per run, kept in the partition's context.
 */
final class TenantAnchoredPartitioner implements Partitioner {

    static final String TENANT_ANCHOR = "tenantAnchor";

    private final Partitioner accountPartitions;
    private final MallAccounts accounts;

    TenantAnchoredPartitioner(Partitioner accountPartitions, MallAccounts accounts) {
        this.accountPartitions = accountPartitions;
        this.accounts = accounts;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Set<Long> anchors = Set.copyOf(accounts.enabled().stream()
                .collect(Collectors.toMap(MallAccount::tenantKey, MallAccount::id, Math::min)).values());
        Map<String, ExecutionContext> partitions = accountPartitions.partition(gridSize);
        partitions.values().forEach(context -> context.putString(TENANT_ANCHOR,
                String.valueOf(anchors.contains(context.getLong(AccountPartitioner.ACCOUNT_ID)))));
        return partitions;
    }
}
