package com.mallbatch.jobs.launch;

import java.util.List;

/**
 * One reason a launch was refused before anything started: the form field (or parameter) it is about, a message code
 * and its arguments for a translated page, and the same in English for a log line.
 */
public record LaunchProblem(String field, String code, List<Object> arguments, String message) {

    public LaunchProblem {
        arguments = List.copyOf(arguments);
    }

    public static LaunchProblem of(String field, String code, String message, Object... arguments) {
        return new LaunchProblem(field, code, List.of(arguments), message);
    }
}
