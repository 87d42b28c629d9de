package com.mallbatch.jobs.launch;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Listens to every save of a step through the job repository — the one thing all steps share, whichever job built
 * them, inline partition and stage steps and a remote worker's steps included — and keeps the whole text of a step
 * that ended without completing ({@link StepFailures}). Keeping it must never fail the step: a failure to write it
 * is logged and the run goes on.
 */
final class KeepStepFailures implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(KeepStepFailures.class);

    private final StepFailures failures;

    KeepStepFailures(StepFailures failures) {
        this.failures = failures;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        if ("update".equals(invocation.getMethod().getName()) && invocation.getArguments().length == 1
                && invocation.getArguments()[0] instanceof StepExecution step && StepFailures.worthKeeping(step)) {
            try {
                failures.record(step);
            } catch (RuntimeException e) {
                log.warn("Could not keep the whole failure of step {} ({}): {}", step.getStepName(), step.getId(),
                        e.getMessage());
            }
        }
        return result;
    }

    /** The job repository, with every step's save listened to. */
    static JobRepository around(JobRepository repository, StepFailures failures) {
        ProxyFactory proxy = new ProxyFactory(repository);
        proxy.addInterface(JobRepository.class);
        proxy.addAdvice(new KeepStepFailures(failures));
        return (JobRepository) proxy.getProxy(KeepStepFailures.class.getClassLoader());
    }
}
