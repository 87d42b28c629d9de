-- Tenants (sellers) and their accounts on each mall. Credentials are AES-GCM ciphertext, never plain text.
CREATE TABLE tenants (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_key VARCHAR(64)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    created_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_tenants_key (tenant_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE mall_accounts (
    id                      BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id               BIGINT        NOT NULL,
    platform                VARCHAR(16)   NOT NULL,
    account_key             VARCHAR(100)  NOT NULL,
    base_url                VARCHAR(500)  NULL,
    rate_capacity           INT           NOT NULL DEFAULT 40,
    rate_leak_per_second    DECIMAL(8, 3) NOT NULL DEFAULT 2.000,
    crawl_profile           VARCHAR(100)  NULL,
    credentials_enc         VARBINARY(4096) NULL,
    -- SHA-256 of the credentials as last imported from the accounts file: a re-import only overwrites the stored
    -- (possibly rotated) tokens when the file itself changed.
    credentials_source_hash CHAR(64)      NULL,
    enabled                 BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at              DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at              DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_mall_accounts (platform, account_key),
    CONSTRAINT fk_mall_accounts_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
