package com.mallbatch.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * How an account's collects have been going: the last business date it collected completely, its last failure (when,
 * in which stage, what the mall or site said), how many runs in a row failed, and whether it is paused (and why).
 */
public record AccountHealth(long accountId, LocalDate lastSuccessDate, LocalDateTime lastFailureAt, String lastFailureStage,
                            String lastFailureMessage, int consecutiveFailures, boolean paused, String pausedReason,
                            LocalDateTime pausedAt) {

    public static AccountHealth none(long accountId) {
        return new AccountHealth(accountId, null, null, null, null, 0, false, null, null);
    }
}
