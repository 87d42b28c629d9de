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

    /** RATE: a fraction, written 10.8% (a percent cell or text) or 0.108. */
    public enum Type { TEXT, DECIMAL, INTEGER, RATE, MONTH, DATE }

    /** A column whose cells must hold a value, unless {@code optional} (an empty cell reads as null). */
    public record Column(String header, String key, Type type, boolean optional) {

        public Column(String header, String key, Type type) {
            this(header, key, type, false);
        }

        public static Column optional(String header, String key, Type type) {
            return new Column(header, key, type, true);
        }
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
                        values.put(column.key(), column.optional() && empty(cell) ? null : value(cell, column.type()));
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

    /**
     * Rows that say the same thing twice: every row after the first with equal values in {@code keys}, named with the
     * row it repeats, since which of the two is meant is for a person to decide.
     */
    public static List<String> duplicates(List<Map<String, Object>> rows, List<Column> keys) {
        Map<List<Object>, Object> first = new java.util.HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<Object> key = keys.stream().map(k -> row.get(k.key())).toList();
            Object earlier = first.putIfAbsent(key, row.get("source"));
            if (earlier != null) {
                problems.add(earlier + " and " + row.get("source") + " are both for " + describe(keys, key)
                        + "; keep one of them");
            }
        }
        return problems;
    }

    private static String describe(List<Column> keys, List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            parts.add(keys.get(i).header() + " " + (values.get(i) == null ? "(empty)" : "'" + values.get(i) + "'"));
        }
        return String.join(", ", parts);
    }

    private static boolean empty(Cell cell) {
        return cell == null || TEXT.formatCellValue(cell).isBlank();
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
                case RATE -> rate(cell, text);
                case MONTH -> month(cell, text);
                case DATE -> cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)
                        ? cell.getLocalDateTimeCellValue().toLocalDate() : LocalDate.parse(text);
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (type == Type.INTEGER ? "whole number"
                    : type == Type.RATE ? "rate like 10.8%" : "number"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a " + (type == Type.MONTH ? "month like 2026-10" : "date like 2026-10-31"));
        }
    }

    /** A month typed as 2026-10 (or 2026/10, 2026.10), or one Excel turned into a date (2026-10-01): its month. */
    private static String month(Cell cell, String text) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return YearMonth.from(cell.getLocalDateTimeCellValue()).toString();
        }
        String normalized = text.replace('/', '-').replace('.', '-');
        return normalized.length() > 7 ? YearMonth.from(LocalDate.parse(normalized)).toString()
                : YearMonth.parse(normalized).toString();
    }

    private static BigDecimal rate(Cell cell, String text) {
        BigDecimal rate;
        if (cell.getCellType() == CellType.NUMERIC) {
            rate = BigDecimal.valueOf(cell.getNumericCellValue());
        } else if (text.endsWith("%")) {
            rate = new BigDecimal(text.substring(0, text.length() - 1).strip()).movePointLeft(2);
        } else {
            rate = new BigDecimal(text);
        }
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("'" + text + "' is not a rate: write 10.8% or 0.108");
        }
        return rate.stripTrailingZeros();
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
