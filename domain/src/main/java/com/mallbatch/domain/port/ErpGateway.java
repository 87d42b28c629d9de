package com.mallbatch.domain.port;

import com.mallbatch.domain.settlement.BillingDocument;

/**
 * Where billing documents go. Posting is idempotent by key: posting the same key again returns the document the
 * ERP already holds instead of making a second one.
 */
public interface ErpGateway {

    /** The ERP's document number. */
    String post(BillingDocument document, String idempotencyKey);

    /** The ERP refused the document for good (it is invalid); retrying the same document cannot succeed. */
    class RejectedException extends RuntimeException {
        public RejectedException(String message) {
            super(message);
        }
    }
}
