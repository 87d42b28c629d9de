package com.mallbatch.sandbox.cafe24;

import java.time.LocalDateTime;

/** A cancel, return or exchange of one order item: its claim_code and when it began. */
record Claim(Type type, String code, LocalDateTime requestedAt) {

    /** The claim kinds the sandbox plays, with the item's documented status_code while the claim exists. */
    enum Type {
        CANCEL_BEFORE_PAYMENT("C1", 'C'),
        CANCEL_BEFORE_SHIPPING("C2", 'C'),
        RETURN("C3", 'R'),
        EXCHANGE("E1", 'E');

        private final String statusCode;
        private final char codePrefix;

        Type(String statusCode, char codePrefix) {
            this.statusCode = statusCode;
            this.codePrefix = codePrefix;
        }

        String statusCode() {
            return statusCode;
        }

        char codePrefix() {
            return codePrefix;
        }
    }
}
