package com.mallbatch.writers.excel;

import com.mallbatch.domain.Money;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The finance workbook of a settlement run, streamed with SXSSF so a million lines need no more memory than a
 * hundred: a summary per mall, a detail sheet per mall with every line, and the snapshots' identity and hashes.
 * Amounts are numeric cells in a KRW format, headers are frozen with autofilters, and totals are formulas that
 * evaluate to the snapshot's stored totals.
 */
public final class SettlementWorkbook {

    private static final String KRW = "#,##0\"원\";-#,##0\"원\"";
    private static final String[] SUMMARY = {"몰 계정", "버전", "총매출", "판매자 할인", "수수료", "배송비", "환불", "추가비용", "정산금액", "건수"};
    private static final String[] DETAIL = {"주문라인", "주문번호", "주문일시", "상품번호", "상태", "총매출", "판매자 할인", "수수료", "배송비", "환불", "정산금액"};
    private static final String[] META = {"스냅샷 ID", "몰 계정", "정산월", "버전", "상태", "SHA-256"};

    private final JdbcSettlements settlements;

    public SettlementWorkbook(JdbcSettlements settlements) {
        this.settlements = settlements;
    }

    public Path write(Path file, List<Snapshot> snapshots) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat(KRW));
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));

            Sheet summary = workbook.createSheet("요약");
            headerRow(summary, SUMMARY, header);
            Set<String> sheetNames = new HashSet<>(Set.of("요약", "스냅샷"));
            BigDecimal[] sums = zeros(7);
            for (int i = 0; i < snapshots.size(); i++) {
                Snapshot s = snapshots.get(i);
                Row row = summary.createRow(i + 1);
                row.createCell(0).setCellValue(s.accountLabel());
                row.createCell(1).setCellValue(s.version());
                Money[] amounts = {s.gross(), s.sellerDiscount(), s.commission(), s.shipping(), s.refund(), s.extraCosts(), s.net()};
                for (int a = 0; a < amounts.length; a++) {
                    amount(row, 2 + a, amounts[a], money);
                    sums[a] = sums[a].add(amounts[a].amount());
                }
                row.createCell(9).setCellValue(s.lineCount());
                detailSheet(workbook, uniqueName(s, sheetNames), s, header, money, time);
            }
            totalsRow(summary, snapshots.size() + 1, 2, money, sums);
            summary.createFreezePane(0, 1);
            summary.setAutoFilter(new CellRangeAddress(0, snapshots.size(), 0, SUMMARY.length - 1));
            widths(summary, SUMMARY.length, 16);
            summary.setColumnWidth(0, 30 * 256);

            Sheet meta = workbook.createSheet("스냅샷");
            headerRow(meta, META, header);
            for (int i = 0; i < snapshots.size(); i++) {
                Snapshot s = snapshots.get(i);
                Row row = meta.createRow(i + 1);
                row.createCell(0).setCellValue(s.id());
                row.createCell(1).setCellValue(s.accountLabel());
                row.createCell(2).setCellValue(s.period());
                row.createCell(3).setCellValue(s.version());
                row.createCell(4).setCellValue(s.status());
                row.createCell(5).setCellValue(s.contentSha256());
            }
            meta.createFreezePane(0, 1);
            widths(meta, META.length, 22);
            meta.setColumnWidth(1, 30 * 256);
            meta.setColumnWidth(5, 70 * 256);
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
        return file;
    }

    private void detailSheet(SXSSFWorkbook workbook, String name, Snapshot s, CellStyle header, CellStyle money,
                             CellStyle time) {
        SXSSFSheet sheet = workbook.createSheet(name);
        headerRow(sheet, DETAIL, header);
        AtomicInteger next = new AtomicInteger(1);
        BigDecimal[] sums = zeros(6);
        settlements.forEachLine(s.id(), line -> {
            Row row = sheet.createRow(next.getAndIncrement());
            row.createCell(0).setCellValue(line.lineId());
            row.createCell(1).setCellValue(line.orderId());
            row.createCell(2).setCellValue(line.orderedAt());
            row.getCell(2).setCellStyle(time);
            row.createCell(3).setCellValue(line.productNo());
            row.createCell(4).setCellValue(line.platformStatus());
            Money[] amounts = {line.gross(), line.sellerDiscount(), line.commission(), line.shipping(), line.refund(), line.net()};
            for (int a = 0; a < amounts.length; a++) {
                amount(row, 5 + a, amounts[a], money);
                sums[a] = sums[a].add(amounts[a].amount());
            }
        });
        int lines = next.get() - 1;
        totalsRow(sheet, lines + 1, 5, money, sums);
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, lines), 0, DETAIL.length - 1));
        widths(sheet, DETAIL.length, 16);
    }

    private static void headerRow(Sheet sheet, String[] titles, CellStyle style) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < titles.length; i++) {
            row.createCell(i).setCellValue(titles[i]);
            row.getCell(i).setCellStyle(style);
        }
    }

    private static void amount(Row row, int column, Money value, CellStyle money) {
        row.createCell(column).setCellValue(value.amount().doubleValue());
        row.getCell(column).setCellStyle(money);
    }

    /**
     * SUM formulas under the amount columns, each carrying its result as the cached value: viewers that do not
     * recalculate on load (LibreOffice's default for xlsx) still show the right totals.
     */
    private static void totalsRow(Sheet sheet, int rowIndex, int from, CellStyle money, BigDecimal[] sums) {
        Row row = sheet.createRow(rowIndex);
        row.createCell(0).setCellValue("합계");
        for (int i = 0; i < sums.length; i++) {
            String column = CellReference.convertNumToColString(from + i);
            Cell cell = row.createCell(from + i);
            cell.setCellFormula(rowIndex <= 1 ? "0" : "SUM(" + column + "2:" + column + rowIndex + ")");
            cell.setCellValue(sums[i].doubleValue());
            cell.setCellStyle(money);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    private static void widths(Sheet sheet, int columns, int characters) {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, characters * 256);
        }
    }

    private static String uniqueName(Snapshot s, Set<String> taken) {
        String base = WorkbookUtil.createSafeSheetName(s.accountLabel().replace('/', ' ') + " v" + s.version());
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            name = WorkbookUtil.createSafeSheetName(base.substring(0, Math.min(base.length(), 27)) + " (" + i + ")");
        }
        return name;
    }
}
