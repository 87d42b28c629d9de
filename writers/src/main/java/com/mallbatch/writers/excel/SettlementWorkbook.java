package com.mallbatch.writers.excel;

import com.mallbatch.domain.Money;
import com.mallbatch.writers.mysql.JdbcSettlements;
import com.mallbatch.writers.mysql.JdbcSettlements.ExtraCost;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The workbook of one settlement version, as finance uses it without fixing: a summary, every line (goods, option,
 * quantity, unit price, the seller's discount and the coupon apart, a status in one vocabulary with the mall's own code
 * beside it) with the period's extra costs as lines of their own, what changed since the previous version, and the
 * snapshot's identity (hash, chain link, who confirmed it). Streamed with SXSSF, so a million lines need no more
 * memory than a hundred. Amounts are numeric cells in a KRW format; totals are formulas carrying their results; every
 * sheet's totals agree with each other and with the snapshot. Every sheet opens with a title row that says, for a
 * superseded version, that it is superseded; pages print landscape, one page wide, header rows repeated.
 */
public final class SettlementWorkbook {

    private static final String KRW = "#,##0\"원\";-#,##0\"원\"";
    private static final String[] SUMMARY = {"항목", "금액"};
    private static final String[] DETAIL = {"주문번호", "주문라인", "주문일시", "상품번호", "상품명", "옵션", "수량", "단가",
            "상태", "총매출", "판매자 할인", "쿠폰", "수수료", "배송비", "환불", "추가비용", "정산금액"};
    private static final int FIRST_AMOUNT = 9;
    private static final String[] DIFFERENCES = {"주문번호", "주문라인", "항목", "이전 값", "새 값"};
    private static final String[] IDENTITY = {"항목", "값"};
    private static final Map<String, String> STATUS_LABELS = Map.of("DELIVERED", "배송완료",
            "PURCHASE_CONFIRMED", "구매확정", "EXCHANGED", "교환완료", "RETURNED", "반품완료");
    private static final Map<String, String> FIELD_LABELS = Map.of("gross", "총매출", "seller_discount", "판매자 할인",
            "coupon_discount", "쿠폰", "commission", "수수료", "shipping", "배송비", "refund", "환불", "net", "정산금액");
    private static final int HEADER_ROW = 1;

    private final JdbcSettlements settlements;

    public SettlementWorkbook(JdbcSettlements settlements) {
        this.settlements = settlements;
    }

    /** {@code settlement-2026-10-acme-acmeshop-v2.xlsx}: period, tenant, account and version. */
    public static String fileName(Snapshot s) {
        return ("settlement-" + s.period() + "-" + s.tenantKey() + "-" + s.accountKey() + "-v" + s.version())
                .replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx";
    }

    /**
     * @param chainLink  the snapshot's link in the settlement chain
     * @param replacedBy the version that superseded this one, or null while it stands
     */
    public Path write(Path directory, Snapshot s, String chainLink, Integer replacedBy) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve(fileName(s));
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        try (OutputStream out = Files.newOutputStream(file)) {
            Styles styles = new Styles(workbook);
            String title = "정산서 " + s.accountLabel() + " " + s.period() + " v" + s.version() + (replacedBy == null
                    ? " — 확정 (" + s.confirmedBy() + ")"
                    : " — 대체됨: v" + replacedBy + "로 정정되었습니다 (SUPERSEDED). 이 버전으로 처리하지 마세요.");
            List<ExtraCost> extraCosts = settlements.extraCosts(s.id());
            summary(workbook.createSheet("요약"), s, title, styles);
            detail(workbook.createSheet("상세"), s, extraCosts, title, styles);
            differences(workbook.createSheet("변경내역"), s, title, styles);
            identity(workbook.createSheet("스냅샷"), s, chainLink, replacedBy, title, styles);
            workbook.setForceFormulaRecalculation(true);
            workbook.write(out);
        } finally {
            workbook.dispose();
            workbook.close();
        }
        return file;
    }

    private void summary(Sheet sheet, Snapshot s, String title, Styles styles) {
        start(sheet, title, SUMMARY, styles);
        Object[][] rows = {{"총매출", s.gross()}, {"판매자 할인·쿠폰", s.sellerDiscount()}, {"수수료", s.commission()},
                {"배송비", s.shipping()}, {"환불", s.refund()}, {"추가비용", s.extraCosts()}, {"정산금액", s.net()},
                {"정산 라인 수", s.lineCount()}};
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(HEADER_ROW + 1 + i);
            row.createCell(0).setCellValue((String) rows[i][0]);
            if (rows[i][1] instanceof Money money) {
                amount(row, 1, money.amount(), styles.money);
            } else {
                row.createCell(1).setCellValue((Integer) rows[i][1]);
            }
        }
        finish(sheet, SUMMARY.length, HEADER_ROW + rows.length, 24);
    }

    private void detail(SXSSFSheet sheet, Snapshot s, List<ExtraCost> extraCosts, String title, Styles styles) {
        start(sheet, title, DETAIL, styles);
        AtomicInteger next = new AtomicInteger(HEADER_ROW + 1);
        BigDecimal[] sums = zeros(DETAIL.length - FIRST_AMOUNT);
        settlements.forEachLine(s.id(), line -> {
            Row row = sheet.createRow(next.getAndIncrement());
            row.createCell(0).setCellValue(line.orderId());
            row.createCell(1).setCellValue(line.lineId());
            row.createCell(2).setCellValue(line.orderedAt());
            row.getCell(2).setCellStyle(styles.time);
            row.createCell(3).setCellValue(line.productNo());
            row.createCell(4).setCellValue(line.productName());
            row.createCell(5).setCellValue(line.optionText());
            row.createCell(6).setCellValue(line.quantity());
            if (line.unitPrice() != null) {
                amount(row, 7, line.unitPrice().amount(), styles.money);
            }
            row.createCell(8).setCellValue(STATUS_LABELS.getOrDefault(line.status(), line.status()) + " (" + line.platformStatus() + ")");
            Money[] amounts = {line.gross(), line.sellerDiscount(), line.couponDiscount(), line.commission(), line.shipping(),
                    line.refund(), Money.ZERO, line.net()};
            add(row, amounts, sums, styles);
        });
        for (ExtraCost cost : extraCosts) {
            Row row = sheet.createRow(next.getAndIncrement());
            row.createCell(4).setCellValue(cost.costType() + " — " + cost.description());
            row.createCell(5).setCellValue(cost.source());
            row.createCell(8).setCellValue("추가비용");
            Money[] amounts = {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, cost.amount(),
                    new Money(cost.amount().amount().negate())};
            add(row, amounts, sums, styles);
        }
        int last = next.get() - 1;
        totalsRow(sheet, last + 1, FIRST_AMOUNT, styles.money, sums);
        finish(sheet, DETAIL.length, last, 14);
        sheet.setColumnWidth(4, 32 * 256);
        sheet.setColumnWidth(5, 24 * 256);
    }

    private static void add(Row row, Money[] amounts, BigDecimal[] sums, Styles styles) {
        for (int a = 0; a < amounts.length; a++) {
            amount(row, FIRST_AMOUNT + a, amounts[a].amount(), styles.money);
            sums[a] = sums[a].add(amounts[a].amount());
        }
    }

    /** Line by line what changed from the version this one replaced, then the extra costs that changed. */
    private void differences(Sheet sheet, Snapshot s, String title, Styles styles) {
        start(sheet, title, DIFFERENCES, styles);
        int r = HEADER_ROW + 1;
        for (Map<String, Object> d : settlements.differences(s.id())) {
            r = difference(sheet, r, (String) d.get("order_id"), (String) d.get("line_id"),
                    FIELD_LABELS.getOrDefault((String) d.get("field"), (String) d.get("field")),
                    (BigDecimal) d.get("old_value"), (BigDecimal) d.get("new_value"), styles);
        }
        Optional<Long> previous = settlements.previousVersion(s.id());
        if (previous.isPresent()) {
            Map<String, BigDecimal> before = costs(settlements.extraCosts(previous.get()));
            Map<String, BigDecimal> after = costs(settlements.extraCosts(s.id()));
            Set<String> names = new TreeSet<>(before.keySet());
            names.addAll(after.keySet());
            for (String name : names) {
                BigDecimal old = before.get(name);
                BigDecimal now = after.get(name);
                if (old == null || now == null || old.compareTo(now) != 0) {
                    r = difference(sheet, r, "추가비용", name, "추가비용", old, now, styles);
                }
            }
        }
        if (r == HEADER_ROW + 1) {
            sheet.createRow(r++).createCell(0).setCellValue(previous.isEmpty() ? "첫 버전: 이전 버전이 없습니다"
                    : "이전 버전과 차이가 없습니다");
        }
        finish(sheet, DIFFERENCES.length, r - 1, 18);
    }

    private static int difference(Sheet sheet, int r, String order, String line, String field, BigDecimal old,
                                  BigDecimal now, Styles styles) {
        Row row = sheet.createRow(r);
        row.createCell(0).setCellValue(order);
        row.createCell(1).setCellValue(line);
        row.createCell(2).setCellValue(field);
        if (old != null) {
            amount(row, 3, old, styles.money);
        }
        if (now != null) {
            amount(row, 4, now, styles.money);
        }
        return r + 1;
    }

    private static Map<String, BigDecimal> costs(List<ExtraCost> costs) {
        Map<String, BigDecimal> byName = new TreeMap<>();
        costs.forEach(cost -> byName.put(cost.costType() + " — " + cost.description(), cost.amount().amount()));
        return byName;
    }

    private void identity(Sheet sheet, Snapshot s, String chainLink, Integer replacedBy, String title, Styles styles) {
        start(sheet, title, IDENTITY, styles);
        String[][] rows = {{"스냅샷 ID", String.valueOf(s.id())}, {"몰 계정", s.accountLabel()}, {"정산월", s.period()},
                {"버전", String.valueOf(s.version())}, {"상태", replacedBy == null ? s.status() : "SUPERSEDED (v" + replacedBy + ")"},
                {"SHA-256", s.contentSha256()}, {"체인 링크", chainLink}, {"확정자", s.confirmedBy()},
                {"확정 일시", String.valueOf(s.confirmedAt())}, {"확정 메모", s.comment() == null ? "" : s.comment()}};
        for (int i = 0; i < rows.length; i++) {
            Row row = sheet.createRow(HEADER_ROW + 1 + i);
            row.createCell(0).setCellValue(rows[i][0]);
            row.createCell(1).setCellValue(rows[i][1]);
        }
        finish(sheet, IDENTITY.length, HEADER_ROW + rows.length, 20);
        sheet.setColumnWidth(1, 72 * 256);
    }

    /** The title row (which says so for a superseded version) and the header row under it. */
    private static void start(Sheet sheet, String title, String[] headers, Styles styles) {
        Cell banner = sheet.createRow(0).createCell(0);
        banner.setCellValue(title);
        banner.setCellStyle(styles.title);
        Row row = sheet.createRow(HEADER_ROW);
        for (int i = 0; i < headers.length; i++) {
            row.createCell(i).setCellValue(headers[i]);
            row.getCell(i).setCellStyle(styles.header);
        }
    }

    /** Frozen header, autofilter, widths, and print setup: landscape, one page wide, title and header on every page. */
    private static void finish(Sheet sheet, int columns, int lastRow, int width) {
        sheet.createFreezePane(0, HEADER_ROW + 1);
        sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, Math.max(HEADER_ROW + 1, lastRow), 0, columns - 1));
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, width * 256);
        }
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, HEADER_ROW, 0, columns - 1));
    }

    private static void amount(Row row, int column, BigDecimal value, CellStyle money) {
        row.createCell(column).setCellValue(value.doubleValue());
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
            int firstData = HEADER_ROW + 2;
            cell.setCellFormula(rowIndex < firstData ? "0" : "SUM(" + column + firstData + ":" + column + rowIndex + ")");
            cell.setCellValue(sums[i].doubleValue());
            cell.setCellStyle(money);
        }
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] zeros = new BigDecimal[n];
        java.util.Arrays.fill(zeros, BigDecimal.ZERO);
        return zeros;
    }

    /** The workbook's few cell styles. */
    private static final class Styles {
        final CellStyle title;
        final CellStyle header;
        final CellStyle money;
        final CellStyle time;

        Styles(SXSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            title = workbook.createCellStyle();
            title.setFont(bold);
            header = workbook.createCellStyle();
            header.setFont(bold);
            money = workbook.createCellStyle();
            money.setDataFormat(workbook.createDataFormat().getFormat(KRW));
            time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
