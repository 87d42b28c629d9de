-- Spring Batch keeps only the first 2,500 characters of a step's exit description (BATCH_STEP_EXECUTION.EXIT_MESSAGE),
-- which cuts a stack trace before its root cause. The whole text of every step that did not complete is kept here,
-- written by the process that ran the step (a remote worker included) as the step ends. One row per step execution;
-- Batch saves an ending step more than once (before and after its listeners), and the last save is its final word.
CREATE TABLE step_failures (
    step_execution_id BIGINT       NOT NULL PRIMARY KEY,
    job_execution_id  BIGINT       NOT NULL,
    step_name         VARCHAR(100) NOT NULL,
    status            VARCHAR(10)  NOT NULL,
    failed_at         DATETIME(3)  NOT NULL,
    trace             MEDIUMTEXT   NOT NULL,
    KEY ix_step_failures_job (job_execution_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
