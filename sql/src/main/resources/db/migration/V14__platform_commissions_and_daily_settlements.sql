-- What a platform itself says it keeps of a line (SmartStore reports its commissions per product order); settlement
-- uses it instead of the seller's rules where it is there.
ALTER TABLE order_lines
    ADD COLUMN platform_commission DECIMAL(15, 2) NULL AFTER payment_amount;

-- A platform's own daily settlement (SmartStore: pay-settle/settle/daily), as it reports it, for reconciliation.
CREATE TABLE mall_daily_settlements (
    account_id             BIGINT         NOT NULL,
    settle_basis_date      DATE           NOT NULL,   -- the sales day the settlement covers
    merchant_id            VARCHAR(60)    NOT NULL DEFAULT '',
    settle_expect_date     DATE           NULL,
    settle_complete_date   DATE           NULL,
    settle_amount          DECIMAL(15, 2) NULL,       -- what is paid out
    pay_settle_amount      DECIMAL(15, 2) NULL,       -- the payments the settlement is based on
    commission_amount      DECIMAL(15, 2) NULL,
    benefit_amount         DECIMAL(15, 2) NULL,
    other_amounts          VARCHAR(2000)  NULL,       -- the remaining figures as the platform named them (JSON)
    source                 VARCHAR(300)   NOT NULL,
    collected_at           DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (account_id, settle_basis_date, merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
