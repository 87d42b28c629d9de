package com.mallbatch.readers.api;

import com.mallbatch.domain.MalformedRecordException;
import com.mallbatch.domain.Money;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * One record of a platform's JSON read field by field, each read saying exactly which field of which record was
 * wrong when it cannot be read ({@link MalformedRecordException}: source, entity, key, field, problem). Platform
 * mappers extend it with their own conventions (Cafe24's T/F flags …).
 */
public class JsonFields {

    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    protected final long accountId;
    protected final String source;
    protected final String entity;
    protected final String key;
    protected final JsonNode node;

    protected JsonFields(long accountId, String source, String entity, String key, JsonNode node) {
        this.accountId = accountId;
        this.source = source;
        this.entity = entity;
        this.key = key;
        this.node = node;
    }

    public String text(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw malformed(field, "is missing");
        }
        return value;
    }

    /** Absent, null and "" all mean "none". */
    public String optionalText(String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw malformed(field, "should be a plain value but is " + value.getNodeType());
        }
        String text = value.asString();
        return text.isEmpty() ? null : text;
    }

    public Money money(String field) {
        String raw = text(field);
        try {
            return Money.parse(raw);
        } catch (NumberFormatException | ArithmeticException e) {
            throw malformed(field, "should be a decimal amount like \"12900.00\" but is \"" + raw + "\"");
        }
    }

    public Money optionalMoney(String field) {
        return optionalText(field) == null ? null : money(field);
    }

    public int integer(String field) {
        String raw = text(field);
        try {
            return Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw malformed(field, "should be a whole number but is \"" + raw + "\"");
        }
    }

    public LocalDateTime dateTime(String field) {
        LocalDateTime value = optionalDateTime(field);
        if (value == null) {
            throw malformed(field, "is missing");
        }
        return value;
    }

    /** An ISO 8601 date-time with an offset, as an Asia/Seoul wall-clock time. */
    public LocalDateTime optionalDateTime(String field) {
        String raw = optionalText(field);
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).atZoneSameInstant(SEOUL).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw malformed(field, "should be an ISO 8601 date like 2026-11-20T10:15:30+09:00 but is \"" + raw + "\"");
        }
    }

    public MalformedRecordException malformed(String field, String problem) {
        return new MalformedRecordException(source, entity, key, field, problem);
    }
}
