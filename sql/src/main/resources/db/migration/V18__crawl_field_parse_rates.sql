-- Per field of the site profile, the rows each crawl step saw and in how many the field was present and parsed (an
-- optional field that is absent counts as not parsed): reconciliation's layout-drift check compares a crawl's rate
-- with the account's trailing rate per entity (the profile's section: products, variants, orders, orderLines) and
-- field. One row per step execution and field; a restarted step's row carries the counts of the run it resumes.
-- business_date is the job's businessDate (null for a job without one, such as the settlement's re-read of orders).
CREATE TABLE crawl_field_parse_rates (
    step_execution_id BIGINT        NOT NULL,
    job_execution_id  BIGINT        NOT NULL,
    account_id        BIGINT        NOT NULL,
    site              VARCHAR(100)  NOT NULL,
    business_date     DATE          NULL,
    entity            VARCHAR(40)   NOT NULL,
    field             VARCHAR(100)  NOT NULL,
    rows_seen         BIGINT        NOT NULL,
    rows_parsed       BIGINT        NOT NULL,
    parse_rate        DECIMAL(7, 4) NULL,
    recorded_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (step_execution_id, entity, field),
    KEY ix_crawl_field_parse_rates_trailing (account_id, entity, field, business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
