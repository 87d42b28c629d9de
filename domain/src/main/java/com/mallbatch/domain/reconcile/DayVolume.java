package com.mallbatch.domain.reconcile;

import java.time.LocalDate;

/** An account's volume on a day it was collected completely: orders placed that day and variants listed. */
public record DayVolume(LocalDate day, long orders, long activeSkus) {
}
