-- The seller's own stock count per SKU and date (imported from Excel): the truth reconciliation compares malls with.
CREATE TABLE master_inventory (
    tenant_id  BIGINT       NOT NULL,
    seller_sku VARCHAR(100) NOT NULL,
    as_of      DATE         NOT NULL,
    quantity   INT          NOT NULL,
    source     VARCHAR(300) NOT NULL,
    PRIMARY KEY (tenant_id, seller_sku, as_of)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
