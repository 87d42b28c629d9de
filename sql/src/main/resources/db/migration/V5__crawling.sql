-- Crawled malls. A stock row is "stale" when a later collect of its account failed to confirm it: the value stays
-- (never replaced by an empty or zero guess) and confirmed_at says when it was last seen for real.
ALTER TABLE stock_levels
    ADD COLUMN stale        BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN confirmed_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);

-- Every failed page fetch: which account, which URL, what came back, which attempt, in which step execution.
CREATE TABLE fetch_failures (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id        BIGINT        NOT NULL,
    url               VARCHAR(1000) NOT NULL,
    http_status       INT           NULL,
    error             VARCHAR(2000) NOT NULL,
    attempt           INT           NOT NULL,
    step_execution_id BIGINT        NULL,
    created_at        DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_fetch_failures_account (account_id, created_at),
    KEY ix_fetch_failures_step (step_execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Pages fetched and failed per crawl step execution: the success rate per site per run.
CREATE TABLE crawl_stats (
    step_execution_id BIGINT       NOT NULL PRIMARY KEY,
    job_execution_id  BIGINT       NOT NULL,
    account_id        BIGINT       NOT NULL,
    site              VARCHAR(100) NOT NULL,
    entity            VARCHAR(40)  NOT NULL,
    pages_ok          BIGINT       NOT NULL,
    pages_failed      BIGINT       NOT NULL,
    success_rate      DECIMAL(7, 4) NOT NULL,
    recorded_at       DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Site profiles kept in the database (YAML); they win over profile files of the same name.
CREATE TABLE crawl_profiles (
    name       VARCHAR(100) NOT NULL PRIMARY KEY,
    yaml       TEXT         NOT NULL,
    updated_at DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
