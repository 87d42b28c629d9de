-- Spring Batch's MySQL schema keeps a long ExecutionContext in TEXT (64 KB). An order reader keeps the orders it has
-- handed out in its step's context (so a restart hands none out twice): about 23 bytes an order, so a seller with
-- some 2,800 changed orders in one look-back would overflow TEXT and fail every commit. MEDIUMTEXT holds 16 MB.
ALTER TABLE BATCH_STEP_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
ALTER TABLE BATCH_JOB_EXECUTION_CONTEXT MODIFY SERIALIZED_CONTEXT MEDIUMTEXT;
