package com.mallbatch.writers.mysql;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction of its own (REQUIRES_NEW), for records that must outlive the chunk around them: a rotated token,
 * a failed fetch, an ERP call's status.
 */
final class OwnTransaction {

    private OwnTransaction() {
    }

    static TransactionTemplate of(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
