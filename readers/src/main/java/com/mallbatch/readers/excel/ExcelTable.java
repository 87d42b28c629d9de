package com.mallbatch.readers.excel;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the first sheet of a workbook as a table whose header row must hold the expected columns. Every cell is
 * checked against its column's type; every problem is kept, named by file, row, column and value, so one pass tells
 * finance everything to fix. Callers check the clean rows further (references) and store nothing unless no problem
 * remains.
 */
public final class ExcelTable {

    public enum Type { TEXT, DECIMAL, INTEGER, MONTH, DATE }

    public record Column(String header, String key, Type type) {
    }

    /** The rows that read cleanly (key → value, plus their "source"), and what was wrong with the others. */
    public record Result(List<Map<String, Object>> rows, List<String> problems) {
    }

    private static final DataFormatter TEXT = new DataFormatter();

    private ExcelTable() {
    }

    public static Result read(Path file, List<Column> columns) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        String name = file.getFileName().toString();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            for (int c = 0; c < columns.size(); c++) {
                String found = header == null ? "" : TEXT.formatCellValue(header.getCell(c)).strip();
                if (!found.equals(columns.get(c).header())) {
                    problems.add(name + ": header, column " + CellReference.convertNumToColString(c) + ": expected '"
                            + columns.get(c).header() + "' but found '" + found + "'");
                }
            }
            if (!problems.isEmpty()) {
                return new Result(List.of(), problems);
            }
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null || blank(row, columns.size())) {
                    continue;
                }
                Map<String, Object> values = new LinkedHashMap<>();
                int problemsBefore = problems.size();
                for (int c = 0; c < columns.size(); c++) {
                    Column column = columns.get(c);
                    Cell cell = row.getCell(c);
                    try {
                        values.put(column.key(), value(cell, column.type()));
                    } catch (IllegalArgumentException e) {
                        problems.add(name + ": row " + (r + 1) + ", column " + CellReference.convertNumToColString(c)
                                + " (" + column.header() + "): " + e.getMessage());
                    }
                }
                values.put("source", name + " row " + (r + 1));
                if (problems.size() == problemsBefore) {
                    rows.add(values);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(name + ": cannot be read as an Excel workbook: " + e.getMessage());
        }
        return new Result(rows, problems);
    }

    private static Object value(Cell cell, Type type) {
        String text = cell == null ? "" : TEXT.formatCellValue(cell).strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("is empty");
        }
        try {
            return switch (type) {
                case TEXT -> text;
                case DECIMAL -> cell.getCellType() == CellType.NUMERIC ? BigDecimal.valueOf(cell.getNumericCellValue())
                        : new BigDecimal(text.replace(",", ""));
                case INTEGER -> cell.getCellType() == CellType.NUMERIC ? integral(cell.getNumericCellValue(), text)
                        : Integer.parseInt(text.replace(",", ""));
                case MONTH -> YearMonth.parse(text).toString();
                case DATE -> cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate() : LocalDate.parse(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (type == Type.INTEGER ? "whole number" : "number"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (type == Type.MONTH ? "month like 2026-10" : "date like 2026-10-31"));
        }
    }

    private static int integral(double value, String text) {
        if (value != Math.rint(value)) {
            throw new NumberFormatException(text);
        }
        return (int) value;
    }

    private static boolean blank(Row row, int columns) {
        for (int c = 0; c < columns; c++) {
            if (!TEXT.formatCellValue(row.getCell(c)).isBlank()) {
                return false;
            }
        }
        return true;
    }
}
