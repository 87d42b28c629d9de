package com.mallbatch.readers.api;

import java.util.concurrent.locks.LockSupport;

/** Parking a thread for a budget, interruptibly. */
final class Waiting {

    private Waiting() {
    }

    static void park(long nanos) {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the platform's call budget");
        }
    }
}
