-- What each chunk's upsert did to a canonical table, per account: rows inserted (the key was new), rows updated (a
-- stored value changed) and rows written unchanged. Counted inside the chunk's transaction, before its merge, so a
-- rolled-back chunk leaves no count behind. One row per chunk × table × account: the admin web sums them per execution
-- to show what a restart or a relaunch of the same business date changed. Append-only (triggers below).
CREATE TABLE load_changes (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    job_execution_id  BIGINT      NOT NULL,
    step_execution_id BIGINT      NOT NULL,
    account_id        BIGINT      NOT NULL,
    table_name        VARCHAR(64) NOT NULL,
    inserted          INT         NOT NULL,
    updated           INT         NOT NULL,
    unchanged         INT         NOT NULL,
    recorded_at       DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    KEY ix_load_changes_job (job_execution_id, account_id, table_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The admin web counts what a reconcile execution appended, per account, the same way (its results are found by
-- business date and execution through ix_reconcile_results_key).
CREATE INDEX ix_reconcile_break_events_job ON reconcile_break_events (job_execution_id);

DELIMITER $$

CREATE TRIGGER load_changes_append_only_update BEFORE UPDATE ON load_changes FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'load_changes is append-only';
END$$

CREATE TRIGGER load_changes_append_only_delete BEFORE DELETE ON load_changes FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'load_changes is append-only';
END$$

DELIMITER ;
