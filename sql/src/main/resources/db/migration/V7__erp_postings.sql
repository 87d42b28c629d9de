-- One billing document per confirmed settlement version, posted once. The idempotency key is what the ERP dedupes
-- on, so a retry after a lost answer finds the document already there instead of making a second one.
CREATE TABLE erp_postings (
    settlement_id   BIGINT        NOT NULL PRIMARY KEY,
    idempotency_key VARCHAR(80)   NOT NULL,
    status          VARCHAR(8)    NOT NULL,    -- PENDING → SENT → ACKED, or FAILED
    document_no     VARCHAR(40)   NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(2000) NULL,
    updated_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_erp_postings_key (idempotency_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
