-- Collect exactly what the malls say: partly cancelled orders, lines known within their order, amounts a seller
-- center does not show left empty instead of guessed, product status and brand, the raw stock text, category
-- memberships, the malls' own daily totals, and stock of a date collected only in part.

-- paid / canceled: ALL, PARTIAL or NONE (Cafe24's T, M, F); amounts a crawled site may not show are NULL.
ALTER TABLE orders
    MODIFY paid            VARCHAR(8)     NOT NULL,
    MODIFY canceled        VARCHAR(8)     NOT NULL,
    MODIFY order_amount    DECIMAL(15, 2) NULL,
    MODIFY shipping_fee    DECIMAL(15, 2) NULL,
    MODIFY coupon_discount DECIMAL(15, 2) NULL,
    MODIFY payment_amount  DECIMAL(15, 2) NULL;
UPDATE orders SET paid = IF(paid = '1', 'ALL', 'NONE'), canceled = IF(canceled = '1', 'ALL', 'NONE');

-- A line is known within its order: the same line key in two orders is two lines.
ALTER TABLE order_lines
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (account_id, order_id, line_id),
    DROP KEY ix_order_lines_order,
    ADD COLUMN list_price DECIMAL(15, 2) NULL AFTER quantity,
    MODIFY unit_price      DECIMAL(15, 2) NULL,
    MODIFY option_price    DECIMAL(15, 2) NULL,
    MODIFY seller_discount DECIMAL(15, 2) NULL,
    MODIFY coupon_discount DECIMAL(15, 2) NULL,
    MODIFY payment_amount  DECIMAL(15, 2) NULL,
    MODIFY platform_status VARCHAR(40)    NOT NULL;

ALTER TABLE products
    ADD COLUMN brand  VARCHAR(100) NULL AFTER name,
    ADD COLUMN status VARCHAR(12)  NOT NULL DEFAULT 'ON_SALE' AFTER selling;
UPDATE products SET status = CASE WHEN NOT selling THEN 'SUSPENDED' WHEN NOT displayed THEN 'HIDDEN' ELSE 'ON_SALE' END;

-- stock_text: what a crawled page showed (품절 is not a counted 0). partial: written by a collect of the account and
-- date that has not completed; a "stock on that date" query reads rows WHERE NOT partial.
ALTER TABLE stock_levels
    ADD COLUMN stock_text VARCHAR(40) NULL AFTER quantity,
    ADD COLUMN partial    BOOLEAN     NOT NULL DEFAULT FALSE;

-- Which categories a product is displayed in (Cafe24 lists them per category, not per product). seen_on is the
-- business date of the collect that last saw the membership; a completed collect drops those it no longer saw.
CREATE TABLE product_categories (
    account_id  BIGINT      NOT NULL,
    product_no  VARCHAR(40) NOT NULL,
    category_no VARCHAR(40) NOT NULL,
    seen_on     DATE        NOT NULL,
    PRIMARY KEY (account_id, product_no, category_no),
    KEY ix_product_categories_category (account_id, category_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The malls' own per-day totals (a seller center's totals box; later the APIs' sales reports).
CREATE TABLE mall_daily_totals (
    account_id    BIGINT         NOT NULL,
    business_date DATE           NOT NULL,
    source        VARCHAR(24)    NOT NULL,
    order_count   INT            NULL,
    amount        DECIMAL(17, 2) NULL,
    collected_at  DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (account_id, business_date, source)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The accounts file's fingerprints, per part: the client credentials (id and secret, or a crawl login) and the
-- refresh token. Changing only the client secret in the file must not put back a refresh token the mall has rotated
-- since. Rows imported before this split keep their stored tokens: NULL here means "adopt the file's token as seen".
ALTER TABLE mall_accounts
    ADD COLUMN token_source_hash CHAR(64) NULL AFTER credentials_source_hash;
UPDATE mall_accounts SET credentials_source_hash = NULL;

-- Settlement lines follow the order lines' identity.
ALTER TABLE settlement_lines
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (settlement_id, order_id, line_id),
    MODIFY platform_status VARCHAR(40) NOT NULL;

ALTER TABLE settlement_differences
    ADD COLUMN order_id VARCHAR(40) NOT NULL DEFAULT '' AFTER previous_id;
UPDATE settlement_differences d JOIN settlement_lines l ON l.settlement_id = d.settlement_id AND l.line_id = d.line_id
SET d.order_id = l.order_id;
UPDATE settlement_differences d JOIN settlement_lines l ON l.settlement_id = d.previous_id AND l.line_id = d.line_id
SET d.order_id = l.order_id WHERE d.order_id = '';
ALTER TABLE settlement_differences
    ALTER COLUMN order_id DROP DEFAULT,
    DROP PRIMARY KEY,
    ADD PRIMARY KEY (settlement_id, order_id, line_id, field);
