package com.mallbatch.domain;

/**
 * A record a mall sent that cannot be turned into the canonical model. The message names where it came from, which
 * record, which field and what was wrong, so a person can act on it without a debugger.
 */
public class MalformedRecordException extends RuntimeException {

    private final String source;
    private final String entity;
    private final String recordKey;
    private final String field;

    public MalformedRecordException(String source, String entity, String recordKey, String field, String problem) {
        super(entity + " " + recordKey + " from " + source + ": field '" + field + "' " + problem);
        this.source = source;
        this.entity = entity;
        this.recordKey = recordKey;
        this.field = field;
    }

    public String source() {
        return source;
    }

    public String entity() {
        return entity;
    }

    public String recordKey() {
        return recordKey;
    }

    public String field() {
        return field;
    }
}
