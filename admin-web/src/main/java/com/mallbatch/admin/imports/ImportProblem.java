package com.mallbatch.admin.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One problem of a refused workbook, split into row, column, value and why where the import names them
 * ({@code costs.xlsx: row 4, column E (금액): '12,000원 정도' is not a number}); a problem about the whole file (its
 * header, two rows for one key) keeps its text as the why.
 */
public record ImportProblem(String row, String column, String value, String why) {

    private static final Pattern CELL = Pattern.compile(
            "^.+?:? row (\\d+), column ([A-Z]+(?: \\([^)]*\\))?): (?:'(.*)' )?(.+)$", Pattern.DOTALL);

    public static ImportProblem of(String problem) {
        Matcher cell = CELL.matcher(problem);
        return cell.matches() ? new ImportProblem(cell.group(1), cell.group(2), cell.group(3), cell.group(4))
                : new ImportProblem(null, null, null, problem);
    }
}
