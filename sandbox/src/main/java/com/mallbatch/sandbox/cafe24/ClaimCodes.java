package com.mallbatch.sandbox.cafe24;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

/** Issues a mall's claim codes as the docs show them ("C20190107-0000001"): kind, request day, a daily sequence. */
final class ClaimCodes {

    private final Map<String, Integer> issuedPerDay = new HashMap<>();

    synchronized String next(Claim.Type type, LocalDate day) {
        String prefix = type.codePrefix() + day.format(DateTimeFormatter.BASIC_ISO_DATE);
        int sequence = issuedPerDay.merge(prefix, 1, Integer::sum);
        return prefix + String.format("-%07d", sequence);
    }
}
