-- Scale-out of collectJob over RabbitMQ (remote partitioning). Times come from the database's clock in UTC
-- (UTC_TIMESTAMP(3)), never a worker's and never a session's time zone, so neither clock skew between machines nor a
-- session's zone can make a live worker look dead.

-- One row per worker process while it lives: it beats every few seconds; the manager takes a worker whose beat is
-- older than the timeout for dead (killed, cut off) and fails the partitions it held.
CREATE TABLE collect_workers (
    worker       VARCHAR(100) NOT NULL PRIMARY KEY,
    concurrency  INT          NOT NULL,
    started_at   DATETIME(3)  NOT NULL,
    heartbeat_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A partition request (one step execution) is run at most once: the worker that inserts its row runs it; a request
-- delivered again (broker restart, a worker that died before its ack) finds the row and is dropped.
CREATE TABLE collect_partition_claims (
    step_execution_id BIGINT       NOT NULL PRIMARY KEY,
    job_execution_id  BIGINT       NOT NULL,
    partition_name    VARCHAR(100) NOT NULL,
    worker            VARCHAR(100) NOT NULL,
    claimed_at        DATETIME(3)  NOT NULL,
    ended_at          DATETIME(3)  NULL,
    outcome           VARCHAR(20)  NULL,
    KEY ix_collect_partition_claims_job (job_execution_id, ended_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Which process ran each account's stage (a worker's name, or the single process's in local mode).
ALTER TABLE collect_stats ADD COLUMN worker VARCHAR(100) NULL;
