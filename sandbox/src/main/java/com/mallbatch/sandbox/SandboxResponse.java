package com.mallbatch.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a platform handler answers: status, a JSON body (any object) or a page (a String), and extra headers. */
public record SandboxResponse(int status, Object body, Map<String, String> headers) {

    public static SandboxResponse json(int status, Object body) {
        return new SandboxResponse(status, body, new LinkedHashMap<>());
    }

    public static SandboxResponse html(int status, String page) {
        return new SandboxResponse(status, page, new LinkedHashMap<>()).header("Content-Type", "text/html; charset=utf-8");
    }

    public static SandboxResponse text(String body) {
        return new SandboxResponse(200, body, new LinkedHashMap<>()).header("Content-Type", "text/plain; charset=utf-8");
    }

    public static SandboxResponse redirect(String location) {
        return new SandboxResponse(302, "", new LinkedHashMap<>()).header("Location", location);
    }

    /** The request was handled, but the connection is closed before any answer: a lost response. */
    public static SandboxResponse dropped() {
        return new SandboxResponse(-1, "", new LinkedHashMap<>());
    }

    boolean isDropped() {
        return status == -1;
    }

    boolean isPage() {
        return body instanceof String;
    }

    /** The same answer with another status. */
    public SandboxResponse status(int newStatus) {
        return new SandboxResponse(newStatus, body, headers);
    }

    public SandboxResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
