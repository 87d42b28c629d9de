package com.mallbatch.jobs.imports;

import com.mallbatch.readers.excel.ExcelTable;
import com.mallbatch.readers.excel.ExcelTable.Column;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of finance's workbooks into its table, all or nothing: the cells are read against the columns, two rows for the
 * same key are refused naming both, the rows' references are checked, and only a file without any problem is stored
 * (in the step's transaction) — otherwise the step fails listing every problem by row, column and value.
 */
final class WorkbookImport implements Tasklet {

    /** What the import checks beyond the cells (references to accounts, tenants …) and how it stores the rows. */
    interface Target {
        /** Problems with the clean rows; may add what storing needs (an account id …) to each row. */
        List<String> check(List<Map<String, Object>> rows, JobParameters parameters);

        void store(List<Map<String, Object>> rows, JobParameters parameters);
    }

    private static final Logger log = LoggerFactory.getLogger(WorkbookImport.class);

    private final String what;
    private final List<Column> columns;
    private final List<Column> key;
    private final Target target;

    WorkbookImport(String what, List<Column> columns, List<Column> key, Target target) {
        this.what = what;
        this.columns = columns;
        this.key = key;
        this.target = target;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        JobParameters parameters = chunk.getStepContext().getStepExecution().getJobParameters();
        Path file = Path.of(parameters.getString("file"));
        ExcelTable.Result table = ExcelTable.read(file, columns);
        List<String> problems = new ArrayList<>(table.problems());
        problems.addAll(ExcelTable.duplicates(table.rows(), key));
        problems.addAll(target.check(table.rows(), parameters));
        if (!problems.isEmpty()) {
            throw new WorkbookProblems(problems);
        }
        target.store(table.rows(), parameters);
        contribution.incrementWriteCount(table.rows().size());
        log.info("Imported {} {} row(s) from {}", table.rows().size(), what, file);
        return RepeatStatus.FINISHED;
    }
}
