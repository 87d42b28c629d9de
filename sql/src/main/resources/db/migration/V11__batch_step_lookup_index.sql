-- Spring Batch looks a step's last execution up by job instance and step name before every step starts (restart
-- logic). collectJob has a step per account and stage — thousands per run — and without this index each look-up
-- scans every step execution of the instance, which grows with the square of the accounts.
CREATE INDEX ix_batch_step_execution_name ON BATCH_STEP_EXECUTION (JOB_EXECUTION_ID, STEP_NAME);
