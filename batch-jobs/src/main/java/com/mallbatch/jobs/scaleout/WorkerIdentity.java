package com.mallbatch.jobs.scaleout;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The name of this process as the collect records it: which worker claimed a partition, beat, and ran each account's
 * stages ({@code collect_stats.worker}). Host, pid and a random suffix, so a restarted process with a reused pid is
 * never taken for the one that died; an operator's {@code mallbatch.collect.remote.worker-name} replaces host and pid.
 */
public record WorkerIdentity(String name) {

    static WorkerIdentity of(String configured) {
        String base = configured == null || configured.isBlank() ? host() + ":" + ProcessHandle.current().pid() : configured;
        String name = base + "#" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        return new WorkerIdentity(name.length() <= 100 ? name : name.substring(name.length() - 100));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
