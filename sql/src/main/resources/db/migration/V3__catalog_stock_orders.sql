-- The canonical model. Every table is keyed by its natural key (account + the mall's own id), so every load is an
-- idempotent upsert: a rerun or a restart after a crash rewrites the same rows and never duplicates one.
-- DATETIME columns hold Asia/Seoul wall-clock time, as the malls report it.

CREATE TABLE categories (
    account_id         BIGINT       NOT NULL,
    category_no        VARCHAR(40)  NOT NULL,
    name               VARCHAR(200) NOT NULL,
    parent_category_no VARCHAR(40)  NULL,
    depth              INT          NOT NULL,
    PRIMARY KEY (account_id, category_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE products (
    account_id   BIGINT         NOT NULL,
    product_no   VARCHAR(40)    NOT NULL,
    product_code VARCHAR(40)    NULL,
    seller_code  VARCHAR(100)   NULL,
    name         VARCHAR(250)   NOT NULL,
    price        DECIMAL(15, 2) NOT NULL,
    retail_price DECIMAL(15, 2) NULL,
    displayed    BOOLEAN        NOT NULL,
    selling      BOOLEAN        NOT NULL,
    category_nos VARCHAR(500)   NOT NULL DEFAULT '',
    created_at   DATETIME       NULL,
    updated_at   DATETIME       NULL,
    source       VARCHAR(8)     NOT NULL,
    PRIMARY KEY (account_id, product_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE variants (
    account_id        BIGINT         NOT NULL,
    variant_code      VARCHAR(40)    NOT NULL,
    product_no        VARCHAR(40)    NOT NULL,
    seller_sku        VARCHAR(100)   NULL,
    option_text       VARCHAR(500)   NOT NULL DEFAULT '',
    additional_amount DECIMAL(15, 2) NOT NULL,
    displayed         BOOLEAN        NOT NULL,
    selling           BOOLEAN        NOT NULL,
    source            VARCHAR(8)     NOT NULL,
    PRIMARY KEY (account_id, variant_code),
    KEY ix_variants_seller_sku (seller_sku)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per variant and business date: the history, not only the latest value.
CREATE TABLE stock_levels (
    account_id        BIGINT      NOT NULL,
    variant_code      VARCHAR(40) NOT NULL,
    business_date     DATE        NOT NULL,
    quantity          INT         NOT NULL,
    safety_quantity   INT         NOT NULL DEFAULT 0,
    inventory_tracked BOOLEAN     NOT NULL,
    source            VARCHAR(8)  NOT NULL,
    PRIMARY KEY (account_id, variant_code, business_date),
    KEY ix_stock_levels_date (business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE orders (
    account_id      BIGINT         NOT NULL,
    order_id        VARCHAR(40)    NOT NULL,
    ordered_at      DATETIME       NOT NULL,
    paid_at         DATETIME       NULL,
    paid            BOOLEAN        NOT NULL,
    canceled        BOOLEAN        NOT NULL,
    buyer_id        VARCHAR(100)   NULL,
    order_amount    DECIMAL(15, 2) NOT NULL,
    shipping_fee    DECIMAL(15, 2) NOT NULL,
    coupon_discount DECIMAL(15, 2) NOT NULL,
    payment_amount  DECIMAL(15, 2) NOT NULL,
    PRIMARY KEY (account_id, order_id),
    KEY ix_orders_ordered_at (ordered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE order_lines (
    account_id      BIGINT         NOT NULL,
    line_id         VARCHAR(50)    NOT NULL,
    order_id        VARCHAR(40)    NOT NULL,
    product_no      VARCHAR(40)    NOT NULL,
    variant_code    VARCHAR(40)    NULL,
    seller_sku      VARCHAR(100)   NULL,
    product_name    VARCHAR(250)   NOT NULL,
    option_text     VARCHAR(500)   NOT NULL DEFAULT '',
    quantity        INT            NOT NULL,
    unit_price      DECIMAL(15, 2) NOT NULL,
    option_price    DECIMAL(15, 2) NOT NULL,
    seller_discount DECIMAL(15, 2) NOT NULL,
    coupon_discount DECIMAL(15, 2) NOT NULL,
    payment_amount  DECIMAL(15, 2) NOT NULL,
    platform_status VARCHAR(8)     NOT NULL,
    status          VARCHAR(24)    NOT NULL,
    PRIMARY KEY (account_id, line_id),
    KEY ix_order_lines_order (account_id, order_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Records a step skipped, with what a person needs to act: which record, where it came from, and why.
CREATE TABLE skipped_records (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_execution_id BIGINT        NOT NULL,
    step_name        VARCHAR(100)  NOT NULL,
    account_id       BIGINT        NULL,
    entity           VARCHAR(40)   NOT NULL,
    record_key       VARCHAR(200)  NULL,
    source           VARCHAR(1000) NULL,
    reason           VARCHAR(2000) NOT NULL,
    created_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_skipped_records_job (job_execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Per account, business date and entity: what the last run of that step read, wrote and skipped.
CREATE TABLE collect_stats (
    business_date    DATE        NOT NULL,
    account_id       BIGINT      NOT NULL,
    entity           VARCHAR(40) NOT NULL,
    job_execution_id BIGINT      NOT NULL,
    read_count       BIGINT      NOT NULL,
    write_count      BIGINT      NOT NULL,
    skip_count       BIGINT      NOT NULL,
    status           VARCHAR(20) NOT NULL,
    started_at       DATETIME(3) NULL,
    ended_at         DATETIME(3) NULL,
    PRIMARY KEY (business_date, account_id, entity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
