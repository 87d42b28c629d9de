package com.mallbatch.jobs.launch;

/** A launch that did not start a run, with a message a person can act on. */
public class LaunchRefusedException extends RuntimeException {

    public LaunchRefusedException(String message) {
        super(message);
    }

    public LaunchRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
