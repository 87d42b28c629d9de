package com.mallbatch.jobs.settlement;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A settlement workbook re-read with POI the way a person reads it: row 1 the title, row 2 the header, then the data
 * down to a "합계" row whose formulas are evaluated here, not taken from their cached results.
 */
final class SettlementWorkbookFile implements AutoCloseable {

    private static final int TITLE = 0;
    private static final int HEADER = 1;
    private final XSSFWorkbook workbook;
    private final FormulaEvaluator evaluator;

    private SettlementWorkbookFile(XSSFWorkbook workbook) {
        this.workbook = workbook;
        this.evaluator = workbook.getCreationHelper().createFormulaEvaluator();
    }

    static SettlementWorkbookFile open(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new SettlementWorkbookFile(new XSSFWorkbook(in));
        }
    }

    List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    void everySheet(Consumer<XSSFSheet> check) {
        workbook.forEach(sheet -> check.accept((XSSFSheet) sheet));
    }

    String title(XSSFSheet sheet) {
        return sheet.getRow(TITLE).getCell(0).getStringCellValue();
    }

    List<String> header(String sheet) {
        List<String> names = new ArrayList<>();
        workbook.getSheet(sheet).getRow(HEADER).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }

    /** The evaluated "합계" row, by column header. */
    Map<String, BigDecimal> totals(String sheet) {
        XSSFSheet s = workbook.getSheet(sheet);
        Row totals = s.getRow(s.getLastRowNum());
        if (!"합계".equals(totals.getCell(0).getStringCellValue())) {
            throw new AssertionError(sheet + " has no totals row at its end");
        }
        Map<String, BigDecimal> byHeader = new LinkedHashMap<>();
        List<String> header = header(sheet);
        for (int c = 1; c < header.size(); c++) {
            Cell cell = totals.getCell(c);
            if (cell != null && cell.getCellType() == CellType.FORMULA) {
                byHeader.put(header.get(c), BigDecimal.valueOf(evaluator.evaluate(cell).getNumberValue()));
            }
        }
        return byHeader;
    }

    /** The summary sheet's 항목 → 금액. */
    Map<String, BigDecimal> summary() {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (Map<String, String> row : rows("요약")) {
            amounts.put(row.get("항목"), new BigDecimal(row.get("금액")));
        }
        return amounts;
    }

    /** The data rows with a cell equal to {@code text}. */
    List<Map<String, String>> rowsWith(String sheet, String text) {
        return rows(sheet).stream().filter(row -> row.containsValue(text)).toList();
    }

    List<String> column(String sheet, String header) {
        return rows(sheet).stream().map(row -> row.get(header)).toList();
    }

    /** The data rows (totals row left out), each cell as text; numbers plain, without trailing zeros. */
    List<Map<String, String>> rows(String sheet) {
        XSSFSheet s = workbook.getSheet(sheet);
        List<String> header = header(sheet);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int r = HEADER + 1; r <= s.getLastRowNum(); r++) {
            Row row = s.getRow(r);
            if (row.getCell(0) != null && "합계".equals(text(row.getCell(0)))) {
                break;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), text(row.getCell(c)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue();
            default -> cell.toString();
        };
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
