-- Reconciliation: what each check measured, the breaks it found, their lifecycle, and the digests sent about them.
-- All four tables are append-only (triggers below): a past date's verdict is never changed, a later finding or a
-- person's decision is a new row.

-- One row per check × account × subject × business date, and another only when a later run of that date measures
-- something else (a rerun that finds the same adds nothing). The thresholds are stored as they were used.
CREATE TABLE reconcile_results (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    business_date    DATE           NOT NULL,
    account_id       BIGINT         NOT NULL,
    check_name       VARCHAR(40)    NOT NULL,
    subject          VARCHAR(200)   NOT NULL,      -- what within the account: a dataset, a day, a field; '' = all
    figure           DECIMAL(19, 4) NULL,
    unit             VARCHAR(20)    NOT NULL,
    thresholds       VARCHAR(500)   NOT NULL,
    verdict          VARCHAR(8)     NOT NULL,      -- PASS, WARN, FAIL, PENDING (the mall's report is not ready yet)
    detail           VARCHAR(2000)  NULL,
    job_execution_id BIGINT         NOT NULL,
    recorded_at      DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_reconcile_results_key (business_date, account_id, check_name, subject, id),
    KEY ix_reconcile_results_account (account_id, check_name, business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A break: something a check found that does not match, keyed by check, type and keys within an account, and the
-- business date it was first found on. Its state is the newest of its events.
CREATE TABLE reconcile_breaks (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    account_id    BIGINT       NOT NULL,
    check_name    VARCHAR(40)  NOT NULL,
    break_type    VARCHAR(40)  NOT NULL,
    break_key     VARCHAR(200) NOT NULL,
    business_date DATE         NOT NULL,
    created_at    DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    UNIQUE KEY uk_reconcile_breaks (account_id, check_name, break_type, break_key, business_date),
    KEY ix_reconcile_breaks_date (business_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every change of a break: opened, escalated or eased by a run, reopened, acknowledged, resolved (by a person, or by a
-- run that finds the keys matching again), accepted as it is. state and severity are the break's after the event.
CREATE TABLE reconcile_break_events (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    break_id         BIGINT         NOT NULL,
    event            VARCHAR(12)    NOT NULL,
    state            VARCHAR(12)    NOT NULL,
    severity         VARCHAR(8)     NOT NULL,
    business_date    DATE           NOT NULL,      -- the run's business date, or the break's for a person's action
    amount           DECIMAL(17, 2) NULL,
    evidence         VARCHAR(1000)  NOT NULL,
    actor            VARCHAR(100)   NOT NULL,
    comment          VARCHAR(1000)  NULL,
    job_execution_id BIGINT         NULL,
    created_at       DATETIME(3)    NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_reconcile_break_events_break (break_id, id),
    CONSTRAINT fk_reconcile_break_events_break FOREIGN KEY (break_id) REFERENCES reconcile_breaks (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The digest each tenant got (or would have got) per run: up to which break event it tells, and whether it was sent
-- (an unchanged day is recorded, not sent).
CREATE TABLE reconcile_digests (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT        NOT NULL,
    business_date    DATE          NOT NULL,
    job_execution_id BIGINT        NOT NULL,
    last_event_id    BIGINT        NOT NULL,
    new_events       INT           NOT NULL,
    sent             BOOLEAN       NOT NULL,
    summary          VARCHAR(4000) NOT NULL,
    created_at       DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_reconcile_digests_tenant (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DELIMITER $$

CREATE TRIGGER reconcile_results_append_only_update BEFORE UPDATE ON reconcile_results FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_results is append-only';
END$$

CREATE TRIGGER reconcile_results_append_only_delete BEFORE DELETE ON reconcile_results FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_results is append-only';
END$$

CREATE TRIGGER reconcile_breaks_append_only_update BEFORE UPDATE ON reconcile_breaks FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_breaks is append-only';
END$$

CREATE TRIGGER reconcile_breaks_append_only_delete BEFORE DELETE ON reconcile_breaks FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_breaks is append-only';
END$$

CREATE TRIGGER reconcile_break_events_append_only_update BEFORE UPDATE ON reconcile_break_events FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_break_events is append-only';
END$$

CREATE TRIGGER reconcile_break_events_append_only_delete BEFORE DELETE ON reconcile_break_events FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_break_events is append-only';
END$$

CREATE TRIGGER reconcile_digests_append_only_update BEFORE UPDATE ON reconcile_digests FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_digests is append-only';
END$$

CREATE TRIGGER reconcile_digests_append_only_delete BEFORE DELETE ON reconcile_digests FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'reconcile_digests is append-only';
END$$

DELIMITER ;
