package com.mallbatch.jobs.launch;

import java.util.List;
import java.util.stream.Collectors;

/** A backfill refused before its first date started, with every reason found, one per field and date. */
public class BackfillRefusedException extends LaunchRefusedException {

    private final transient List<LaunchProblem> problems;

    public BackfillRefusedException(List<LaunchProblem> problems) {
        super(problems.stream().map(LaunchProblem::message).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<LaunchProblem> problems() {
        return problems;
    }
}
