package com.mallbatch.jobs.commands;

import java.util.Map;

/** An operator's command run from the command line: {@code --mallbatch.command=NAME key=value …}. */
public interface CommandLineCommand {

    String name();

    /** What {@code NAME} does and the arguments it takes, for the list of commands. */
    String usage();

    /**
     * Runs the command; a refusal is an {@link IllegalArgumentException} whose message says what to do, a command that
     * did part of its work and must be run again (the ERP did not answer …) throws {@link Unfinished}.
     */
    void run(Map<String, String> arguments);

    /** The command did part of what was asked; the message says what is left and how to finish it. */
    final class Unfinished extends RuntimeException {
        public Unfinished(String message) {
            super(message);
        }
    }
}
