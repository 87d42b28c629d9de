package com.mallbatch.jobs.scaleout;

/**
 * How this process takes part in collectJob ({@code mallbatch.collect.mode}): {@code local} runs every partition on
 * its own threads (the default; no broker needed); {@code manager} partitions the job and sends each account to the
 * workers over RabbitMQ, then follows them in the job repository; {@code worker} runs the accounts it is sent.
 */
public enum CollectMode {
    LOCAL, MANAGER, WORKER;

    public static final String PROPERTY = "mallbatch.collect.mode";
}
