package com.mallbatch.jobs.commands;

import java.util.Map;

/** An operator's command run from the command line: {@code --mallbatch.command=NAME key=value …}. */
public interface CommandLineCommand {

    String name();

    /** What {@code NAME} does and the arguments it takes, for the list of commands. */
    String usage();

    /** Runs the command; a refusal is an {@link IllegalArgumentException} whose message says what to do. */
    void run(Map<String, String> arguments);
}
