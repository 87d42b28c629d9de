package com.mallbatch.jobs.launch;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.skip.NonSkippableReadException;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

class FailureReportTest {

    @Test
    void theCollectsOwnExitDescriptionIsReportedAsItIs() {
        JobExecution run = MetaDataInstanceFactory.createJobExecution();
        run.setExitStatus(ExitStatus.FAILED.addExitDescription("1 of 5 account(s) failed; run the same command again …"));

        assertThat(FailureReport.lines(run)).containsExactly("1 of 5 account(s) failed; run the same command again …");
    }

    @Test
    void otherwiseEachFailureOnceByItsOwnMessageNotBatchsWrapperNorAStackTrace() {
        JobExecution run = MetaDataInstanceFactory.createJobExecution();
        run.setExitStatus(ExitStatus.FAILED.addExitDescription(new IllegalStateException("x").toString() + "\n\tat a.b.C"));
        IllegalStateException mall = new IllegalStateException("Cafe24 acme/CAFE24/shop …/orders still failing after 9 "
                + "attempts", new RuntimeException("answered 503"));
        StepExecution step = MetaDataInstanceFactory.createStepExecution(run, "refreshPeriodOrders:acme/CAFE24/shop", 1L);
        step.addFailureException(new NonSkippableReadException("Skip policy rejected skipping item", mall));
        run.addStepExecution(step);
        run.addFailureException(new IllegalStateException("Tampered settlements:\nsettlement 2 … was altered"));

        assertThat(FailureReport.lines(run)).containsExactlyInAnyOrder("Tampered settlements:\nsettlement 2 … was altered",
                "Cafe24 acme/CAFE24/shop …/orders still failing after 9 attempts");
    }
}
