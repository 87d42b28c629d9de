-- Settlement: what each mall owes the seller for a period. Confirmed snapshots are evidence: the triggers below make
-- the database itself refuse to change or delete them, whatever code or user tries.

-- The mall's commission, per platform and (optionally) category, in force from a date.
CREATE TABLE commission_rules (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform       VARCHAR(16)   NOT NULL,
    category_no    VARCHAR(40)   NULL,          -- NULL: every category without a rule of its own
    rate           DECIMAL(6, 4) NOT NULL,      -- 0.1080 = 10.8 %
    effective_from DATE          NOT NULL,
    UNIQUE KEY uk_commission_rules (platform, category_no, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What the mall keeps of the shipping fees buyers paid, per platform, in force from a date.
CREATE TABLE shipping_fee_rules (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    platform       VARCHAR(16)   NOT NULL,
    rate           DECIMAL(6, 4) NOT NULL,
    effective_from DATE          NOT NULL,
    UNIQUE KEY uk_shipping_fee_rules (platform, effective_from)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Costs the seller bears beyond the mall's own (ads, packaging …), per account and period, imported from Excel.
CREATE TABLE extra_costs (
    account_id  BIGINT         NOT NULL,
    period      CHAR(7)        NOT NULL,        -- 2026-11
    cost_type   VARCHAR(40)    NOT NULL,
    description VARCHAR(200)   NOT NULL,
    amount      DECIMAL(15, 2) NOT NULL,
    source      VARCHAR(300)   NOT NULL,        -- file and row it came from
    PRIMARY KEY (account_id, period, cost_type, description)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE settlements (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id      BIGINT         NOT NULL,
    period          CHAR(7)        NOT NULL,
    version         INT            NOT NULL,
    status          VARCHAR(12)    NOT NULL,     -- DRAFT → CONFIRMED → SUPERSEDED
    gross           DECIMAL(17, 2) NOT NULL DEFAULT 0,
    seller_discount DECIMAL(17, 2) NOT NULL DEFAULT 0,
    commission      DECIMAL(17, 2) NOT NULL DEFAULT 0,
    shipping        DECIMAL(17, 2) NOT NULL DEFAULT 0,
    refund          DECIMAL(17, 2) NOT NULL DEFAULT 0,
    extra_costs     DECIMAL(17, 2) NOT NULL DEFAULT 0,
    net             DECIMAL(17, 2) NOT NULL DEFAULT 0,
    line_count      INT            NOT NULL DEFAULT 0,
    content_sha256  CHAR(64)       NULL,
    created_by      VARCHAR(100)   NOT NULL,
    created_at      DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    confirmed_by    VARCHAR(100)   NULL,
    confirmed_at    DATETIME(3)    NULL,
    superseded_by   BIGINT         NULL,
    UNIQUE KEY uk_settlements_version (account_id, period, version)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE settlement_lines (
    settlement_id   BIGINT         NOT NULL,
    line_id         VARCHAR(50)    NOT NULL,
    order_id        VARCHAR(40)    NOT NULL,
    ordered_at      DATETIME       NOT NULL,
    product_no      VARCHAR(40)    NOT NULL,
    platform_status VARCHAR(8)     NOT NULL,
    gross           DECIMAL(15, 2) NOT NULL,
    seller_discount DECIMAL(15, 2) NOT NULL,
    commission      DECIMAL(15, 2) NOT NULL,
    shipping        DECIMAL(15, 2) NOT NULL,
    refund          DECIMAL(15, 2) NOT NULL,
    net             DECIMAL(15, 2) NOT NULL,
    PRIMARY KEY (settlement_id, line_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What changed between a snapshot and the one it superseded.
CREATE TABLE settlement_differences (
    settlement_id BIGINT         NOT NULL,
    previous_id   BIGINT         NOT NULL,
    line_id       VARCHAR(50)    NOT NULL,
    field         VARCHAR(20)    NOT NULL,
    old_value     DECIMAL(15, 2) NULL,
    new_value     DECIMAL(15, 2) NULL,
    PRIMARY KEY (settlement_id, line_id, field)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DELIMITER $$

CREATE TRIGGER settlements_confirmed_are_immutable BEFORE UPDATE ON settlements FOR EACH ROW
BEGIN
    -- The only change a confirmed snapshot accepts is being superseded by a newer version; a superseded one none.
    IF OLD.status = 'SUPERSEDED' OR (OLD.status = 'CONFIRMED' AND NOT (NEW.status = 'SUPERSEDED'
            AND NEW.superseded_by IS NOT NULL AND OLD.superseded_by IS NULL
            AND NEW.gross <=> OLD.gross AND NEW.seller_discount <=> OLD.seller_discount
            AND NEW.commission <=> OLD.commission AND NEW.shipping <=> OLD.shipping AND NEW.refund <=> OLD.refund
            AND NEW.extra_costs <=> OLD.extra_costs AND NEW.net <=> OLD.net AND NEW.line_count <=> OLD.line_count
            AND NEW.content_sha256 <=> OLD.content_sha256 AND NEW.version <=> OLD.version
            AND NEW.account_id <=> OLD.account_id AND NEW.period <=> OLD.period
            AND NEW.confirmed_at <=> OLD.confirmed_at AND NEW.confirmed_by <=> OLD.confirmed_by)) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement is confirmed and immutable: make a new version instead';
    END IF;
END$$

CREATE TRIGGER settlements_confirmed_are_kept BEFORE DELETE ON settlements FOR EACH ROW
BEGIN
    IF OLD.status <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'settlement is confirmed and cannot be deleted';
    END IF;
END$$

CREATE TRIGGER settlement_lines_frozen_on_insert BEFORE INSERT ON settlement_lines FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = NEW.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lines of a confirmed settlement cannot be added';
    END IF;
END$$

CREATE TRIGGER settlement_lines_frozen_on_update BEFORE UPDATE ON settlement_lines FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = OLD.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lines of a confirmed settlement are immutable';
    END IF;
END$$

CREATE TRIGGER settlement_lines_frozen_on_delete BEFORE DELETE ON settlement_lines FOR EACH ROW
BEGIN
    IF (SELECT status FROM settlements WHERE id = OLD.settlement_id) <> 'DRAFT' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'lines of a confirmed settlement cannot be deleted';
    END IF;
END$$

DELIMITER ;
