package com.mallbatch.jobs.launch;

/**
 * What a one-shot run of the application exits with; the README's table lists them. Every non-zero exit prints one
 * line at ERROR saying what went wrong and what to do; stack traces are at DEBUG.
 */
public final class ExitCodes {

    /** The job COMPLETED, or the command did what was asked. */
    public static final int OK = 0;
    /** The job ran and ended FAILED or STOPPED (e.g. accounts that failed, each on a line of its own). */
    public static final int FAILED = 1;
    /** Refused before anything ran: unknown job or command, a bad parameter, already completed, running elsewhere. */
    public static final int REFUSED = 2;
    /** The command did part of what was asked and must be run again (e.g. the ERP did not answer). */
    public static final int UNFINISHED = 3;
    /** The application could not start: its configuration is wrong (secret key, accounts file, settings). */
    public static final int CONFIGURATION = 4;
    /** The application could not start: the database cannot be reached or refuses the user. */
    public static final int DATABASE = 5;
    /** Anything unexpected: the stack trace is printed, please report it. */
    public static final int UNEXPECTED = 70;

    private ExitCodes() {
    }
}
