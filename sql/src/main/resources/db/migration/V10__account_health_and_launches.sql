-- How each account's collects have been going: the streak of failed runs decides alerts and the automatic pause.
CREATE TABLE account_health (
    account_id           BIGINT        NOT NULL PRIMARY KEY,
    last_success_date    DATE          NULL,
    last_failure_at      DATETIME(3)   NULL,
    last_failure_stage   VARCHAR(60)   NULL,
    last_failure_message VARCHAR(2000) NULL,
    consecutive_failures INT           NOT NULL DEFAULT 0,
    paused               BOOLEAN       NOT NULL DEFAULT FALSE,
    paused_reason        VARCHAR(500)  NULL,
    paused_at            DATETIME(3)   NULL,
    updated_at           DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    CONSTRAINT fk_account_health_account FOREIGN KEY (account_id) REFERENCES mall_accounts (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Who started which job with which parameters, and what came of it: one row per launch (job_execution_id set) or
-- refusal (outcome says why). Append-only: the database refuses UPDATE and DELETE.
CREATE TABLE job_launches (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    launched_at      DATETIME(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    launched_by      VARCHAR(100)  NOT NULL,
    job_name         VARCHAR(100)  NOT NULL,
    parameters       VARCHAR(2000) NOT NULL,
    job_execution_id BIGINT        NULL,
    outcome          VARCHAR(500)  NOT NULL,
    KEY ix_job_launches_job (job_name, launched_at),
    KEY ix_job_launches_execution (job_execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

DELIMITER $$

CREATE TRIGGER job_launches_are_append_only_update BEFORE UPDATE ON job_launches FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'job_launches is append-only';
END$$

CREATE TRIGGER job_launches_are_append_only_delete BEFORE DELETE ON job_launches FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'job_launches is append-only';
END$$

DELIMITER ;
