package com.mallbatch.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A mall's own report of a day (a daily sales report) is not ready yet: the mall publishes it later (Cafe24's sales
 * figures of day D settle at D+1 06:00 by default). Reconciliation retries such a day instead of calling it a break.
 *
 * @param readyAt when the mall is expected to have it, Asia/Seoul wall-clock time; null when unknown
 */
public class ReportNotReadyException extends RuntimeException {

    private final LocalDate day;
    private final LocalDateTime readyAt;

    public ReportNotReadyException(LocalDate day, LocalDateTime readyAt, String message) {
        super(message);
        this.day = day;
        this.readyAt = readyAt;
    }

    public LocalDate day() {
        return day;
    }

    public LocalDateTime readyAt() {
        return readyAt;
    }
}
