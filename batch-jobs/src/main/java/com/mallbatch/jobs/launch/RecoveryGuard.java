package com.mallbatch.jobs.launch;

import org.springframework.batch.core.job.JobExecution;

/**
 * What must happen before an execution left running by a dead process is recovered (marked FAILED) and restarted, or
 * before a failed execution is restarted. In one process nothing: the lock proves every part of it is dead, and a
 * failed run ended all its parts. With remote workers, parts of either may still be running on live workers (a manager
 * that died, or one that stopped waiting); those must end first, or the restart would run them a second time beside
 * the first.
 */
public interface RecoveryGuard {

    RecoveryGuard NONE = dead -> { };

    /** Returns once nothing of {@code execution} is still running elsewhere. */
    void awaitLiveWork(JobExecution execution);
}
