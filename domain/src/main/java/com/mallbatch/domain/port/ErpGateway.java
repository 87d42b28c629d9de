package com.mallbatch.domain.port;

import com.mallbatch.domain.settlement.BillingDocument;

/**
 * Where billing documents go. Posting is idempotent by key: posting the same key again returns the document the
 * ERP already holds instead of making a second one. A posted document is never changed: a correction reverses it
 * (SAP's cancellation of a billing document) and posts the new one.
 */
public interface ErpGateway {

    /** The ERP's document number. */
    String post(BillingDocument document, String idempotencyKey);

    /**
     * Reverses a posted document, once: the ERP books the cancellation document referencing it. Reversing the same
     * document again, under any key, answers the cancellation document it already has.
     *
     * @return the cancellation document's number
     */
    String reverse(String documentNo, String idempotencyKey);

    /** The ERP refused the document for good (it is invalid); retrying the same document cannot succeed. */
    class RejectedException extends RuntimeException {
        public RejectedException(String message) {
            super(message);
        }
    }
}
