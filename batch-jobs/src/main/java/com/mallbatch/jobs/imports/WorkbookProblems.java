package com.mallbatch.jobs.imports;

import java.util.List;

/** A workbook refused as a whole: every problem found, each naming file, row, column and value. */
public final class WorkbookProblems extends IllegalArgumentException {

    private final List<String> problems;

    WorkbookProblems(List<String> problems) {
        super(problems.size() + " problem(s); nothing was imported:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
