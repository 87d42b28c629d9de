package com.mallbatch.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a platform handler answers: status, JSON body and extra headers. */
public record SandboxResponse(int status, Object body, Map<String, String> headers) {

    public static SandboxResponse json(int status, Object body) {
        return new SandboxResponse(status, body, new LinkedHashMap<>());
    }

    public SandboxResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
