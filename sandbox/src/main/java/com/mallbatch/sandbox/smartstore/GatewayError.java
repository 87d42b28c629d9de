package com.mallbatch.sandbox.smartstore;

/**
 * The Commerce API gateway's documented errors (문제 해결 page): HTTP status and {@code code}. The body is
 * {@code {"code","message","timestamp","traceId"}}. The messages of GW.AUTHN and GW.TIMEOUT.01 are the documented
 * ones; the others are not published and are the sandbox's own wording.
 */
public enum GatewayError {
    AUTHN(401, "GW.AUTHN", "요청을 보낼 권한이 없습니다."),
    IP_NOT_ALLOWED(403, "GW.IP_NOT_ALLOWED", "허용되지 않은 IP입니다."),
    NOT_FOUND(404, "GW.NOT_FOUND", "요청한 API를 찾을 수 없습니다."),
    RATE_LIMIT(429, "GW.RATE_LIMIT", "요청이 많아 서비스를 일시적으로 사용할 수 없습니다."),
    QUOTA_LIMIT(429, "GW.QUOTA_LIMIT", "허용된 요청 수를 초과했습니다."),
    PROXY_01(500, "GW.PROXY.01", "API 호스트를 찾을 수 없습니다."),
    PROXY_02(500, "GW.PROXY.02", "API 포트에 연결할 수 없습니다."),
    PROXY_03(500, "GW.PROXY.03", "API 연결이 끊어졌습니다."),
    PROXY_04(500, "GW.PROXY.04", "API 네트워크 시간이 초과되었습니다."),
    PROXY_05(500, "GW.PROXY.05", "API 호출 중 오류가 발생했습니다."),
    INTERNAL_SERVER_ERROR(500, "GW.INTERNAL_SERVER_ERROR", "게이트웨이 내부 오류가 발생했습니다."),
    BLOCK_01(503, "GW.BLOCK.01", "API가 일시적으로 차단되었습니다."),
    BLOCK_02(503, "GW.BLOCK.02", "점검 중입니다."),
    TIMEOUT_01(504, "GW.TIMEOUT.01", "요청 대기 시간이 초과되었습니다."),
    TIMEOUT_02(504, "GW.TIMEOUT.02", "API 응답이 없습니다.");

    private final int status;
    private final String code;
    private final String message;

    GatewayError(int status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The error with this {@code code}, e.g. "GW.QUOTA_LIMIT". */
    public static GatewayError of(String code) {
        for (GatewayError e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("No gateway error " + code);
    }
}
