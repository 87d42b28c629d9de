-- Settlement that finance can book and an auditor can trust: a person confirms a draft (who, when, why), every
-- confirmation is a link of a hash chain in a table of its own, corrections reverse in the ERP, and the database
-- guards every table that is evidence.

ALTER TABLE settlements
    ADD COLUMN confirm_comment VARCHAR(500) NULL AFTER confirmed_at;

-- What finance reads on a line: the goods, the option, quantity and unit price, the seller's own discount and the
-- coupon apart, and the line's state in one vocabulary across malls.
ALTER TABLE settlement_lines
    ADD COLUMN product_name    VARCHAR(250)   NOT NULL DEFAULT '' AFTER product_no,
    ADD COLUMN option_text     VARCHAR(500)   NOT NULL DEFAULT '' AFTER product_name,
    ADD COLUMN quantity        INT            NOT NULL DEFAULT 0 AFTER option_text,
    ADD COLUMN unit_price      DECIMAL(15, 2) NULL AFTER quantity,
    ADD COLUMN status          VARCHAR(24)    NOT NULL DEFAULT '' AFTER platform_status,
    ADD COLUMN coupon_discount DECIMAL(15, 2) NOT NULL DEFAULT 0 AFTER seller_discount;

-- The extra costs a version was computed with, frozen with it: a later import changes the next draft, never a
-- confirmed version, its workbook or its ERP document.
CREATE TABLE settlement_extra_costs (
    settlement_id BIGINT         NOT NULL,
    cost_type     VARCHAR(40)    NOT NULL,
    description   VARCHAR(200)   NOT NULL,
    amount        DECIMAL(15, 2) NOT NULL,
    source        VARCHAR(300)   NOT NULL,
    PRIMARY KEY (settlement_id, cost_type, description)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Effective-dated rules may differ per crawled site (its profile), not only per platform: NULL is every site.
ALTER TABLE commission_rules
    ADD COLUMN site VARCHAR(100) NULL AFTER platform,
    DROP KEY uk_commission_rules,
    ADD COLUMN site_key VARCHAR(100) AS (COALESCE(site, '')) STORED,
    ADD COLUMN category_key VARCHAR(40) AS (COALESCE(category_no, '')) STORED,
    ADD UNIQUE KEY uk_commission_rules (platform, site_key, category_key, effective_from);
ALTER TABLE shipping_fee_rules
    ADD COLUMN site VARCHAR(100) NULL AFTER platform,
    DROP KEY uk_shipping_fee_rules,
    ADD COLUMN site_key VARCHAR(100) AS (COALESCE(site, '')) STORED,
    ADD UNIQUE KEY uk_shipping_fee_rules (platform, site_key, effective_from);

-- Each confirmation, chained: link = SHA-256(previous link | snapshot hash | version | period | account). A
-- missing, altered or re-pointed snapshot, or a truncated table, no longer fits the chain.
CREATE TABLE settlement_chain (
    sequence       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    settlement_id  BIGINT      NOT NULL,
    account_id     BIGINT      NOT NULL,
    period         CHAR(7)     NOT NULL,
    version        INT         NOT NULL,
    content_sha256 CHAR(64)    NOT NULL,
    previous_link  CHAR(64)    NOT NULL,
    link           CHAR(64)    NOT NULL,
    linked_at      DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_settlement_chain_settlement (settlement_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The ERP's way for each confirmed version: its billing DOCUMENT, and, once superseded, the REVERSAL of it. Keys
-- are built from what a snapshot is (tenant, account, period, version, content hash), never a database id.
CREATE TABLE erp_postings_v2 (
    id                   BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    settlement_id        BIGINT        NOT NULL,
    kind                 VARCHAR(10)   NOT NULL,    -- DOCUMENT | REVERSAL
    idempotency_key      VARCHAR(120)  NOT NULL,
    status               VARCHAR(8)    NOT NULL,    -- PENDING → SENT → ACKED, or FAILED → SENT …
    document_no          VARCHAR(40)   NULL,
    reverses_document_no VARCHAR(40)   NULL,
    attempts             INT           NOT NULL DEFAULT 0,
    last_error           VARCHAR(2000) NULL,
    updated_at           DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_erp_postings_key (idempotency_key),
    UNIQUE KEY uk_erp_postings_kind (settlement_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
INSERT INTO erp_postings_v2 (settlement_id, kind, idempotency_key, status, document_no, attempts, last_error)
SELECT settlement_id, 'DOCUMENT', idempotency_key, status, document_no, attempts, last_error FROM erp_postings;
DROP TABLE erp_postings;
RENAME TABLE erp_postings_v2 TO erp_postings;

DELIMITER $$

-- A confirmed snapshot may only be superseded, and only by a newer CONFIRMED version of the same account and period.
DROP TRIGGER settlements_confirmed_are_immutable$$
CREATE TRIGGER settlements_confirmed_are_immutable BEFORE UPDATE ON settlements FOR EACH ROW
BEGIN
    IF OLD.status = 'SUPERSEDED' OR (OLD.status = 'CONFIRMED' AND NOT (NEW.status = 'SUPERSEDED'
            AND NEW.superseded_by IS NOT NULL AND OLD.superseded_by IS NULL
            AND NEW.gross <=> OLD.gross AND NEW.seller_discount <=> OLD.seller_discount
            AND NEW.commission <=> OLD.commission AND NEW.shipping <=> OLD.shipping AND NEW.refund <=> OLD.refund
            AND NEW.extra_costs <=> OLD.extra_costs AND NEW.net <=> OLD.net AND NEW.line_count <=> OLD.line_count
            AND NEW.content_sha256 <=> OLD.content_sha256 AND NEW.version <=> OLD.version
            AND NEW.account_id <=> OLD.account_id AND NEW.period <=> OLD.period
            AND NEW.confirmed_at <=> OLD.confirmed_at AND NEW.confirmed_by <=> OLD.confirmed_by
            AND NEW.confirm_comment <=> OLD.confirm_comment)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement is confirmed and immutable: make a new version instead';
    END IF;
    IF NEW.status = 'SUPERSEDED' AND OLD.status <> 'SUPERSEDED' AND NOT EXISTS (SELECT 1 FROM settlements n
            WHERE n.id = NEW.superseded_by AND n.account_id = OLD.account_id AND n.period = OLD.period
            AND n.version > OLD.version AND n.status = 'CONFIRMED') THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'a settlement is superseded only by a newer confirmed version of its account and period';
    END IF;
END$$

CREATE TRIGGER settlement_extra_costs_frozen_on_insert BEFORE INSERT ON settlement_extra_costs FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = NEW.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'extra costs of a confirmed settlement cannot be added';
    END IF;
END$$

CREATE TRIGGER settlement_extra_costs_frozen_on_update BEFORE UPDATE ON settlement_extra_costs FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = OLD.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'extra costs of a confirmed settlement are immutable';
    END IF;
END$$

CREATE TRIGGER settlement_extra_costs_frozen_on_delete BEFORE DELETE ON settlement_extra_costs FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = OLD.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'extra costs of a confirmed settlement cannot be deleted';
    END IF;
END$$

CREATE TRIGGER settlement_chain_is_append_only_update BEFORE UPDATE ON settlement_chain FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement_chain is append-only';
END$$

CREATE TRIGGER settlement_chain_is_append_only_delete BEFORE DELETE ON settlement_chain FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement_chain is append-only';
END$$

CREATE TRIGGER settlement_differences_are_append_only_update BEFORE UPDATE ON settlement_differences FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement_differences is append-only';
END$$

CREATE TRIGGER settlement_differences_are_append_only_delete BEFORE DELETE ON settlement_differences FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement_differences is append-only';
END$$

-- A posting's status only moves forward: PENDING → SENT → ACKED or FAILED, FAILED → SENT again; ACKED is final,
-- and what a posting is (its settlement, kind, key) never changes.
CREATE TRIGGER erp_postings_move_forward BEFORE UPDATE ON erp_postings FOR EACH ROW
BEGIN
    IF NOT (NEW.settlement_id <=> OLD.settlement_id AND NEW.kind <=> OLD.kind
            AND NEW.idempotency_key <=> OLD.idempotency_key)
       OR OLD.status = 'ACKED'
       OR NOT ((NEW.status = 'SENT' AND OLD.status IN ('PENDING', 'SENT', 'FAILED'))
               OR (NEW.status IN ('ACKED', 'FAILED') AND OLD.status = 'SENT')) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'an ERP posting only moves forward (PENDING, SENT, ACKED or FAILED, SENT again)';
    END IF;
END$$

CREATE TRIGGER erp_postings_are_kept BEFORE DELETE ON erp_postings FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ERP postings are kept';
END$$

DELIMITER ;
