package com.mallbatch.admin.settlements.web;

import com.mallbatch.writers.excel.SettlementWorkbook;
import com.mallbatch.writers.mysql.JdbcSettlements.Snapshot;

import java.nio.charset.StandardCharsets;

/**
 * The Content-Disposition of a workbook download: an ASCII {@code filename} every browser takes, and a Korean
 * {@code filename*} (RFC 5987/6266, UTF-8, percent-encoded) that browsers prefer, e.g. {@code 정산서-2026-10-…-v1.xlsx}.
 */
final class WorkbookAttachment {

    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private WorkbookAttachment() {
    }

    static String header(Snapshot s) {
        return "attachment; filename=\"" + SettlementWorkbook.fileName(s) + "\"; filename*=UTF-8''"
                + encode(koreanName(s));
    }

    /** 정산서-PERIOD-TENANT-ACCOUNT-vN.xlsx, without characters a file system refuses. */
    static String koreanName(Snapshot s) {
        return ("정산서-" + s.period() + "-" + s.tenantKey() + "-" + s.accountKey() + "-v" + s.version())
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]", "_") + ".xlsx";
    }

    /** RFC 5987 ext-value: attr-chars as they are, every other byte of the UTF-8 as %XX. */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || ATTR_CHARS.indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
