package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All the Cafe24 malls the sandbox plays, by mall_id ({@code sandbox01}, {@code sandbox02}, …). Creating them is
 * cheap: each mall generates its catalogue and orders when first read, and only the most recently read malls' data
 * stays in memory.
 */
public final class Cafe24Platform {

    /** Malls whose data stays generated: well above the ~32 malls a collector reads at once. */
    public static final int DEFAULT_CACHED_MALLS = 64;

    private final Map<String, Cafe24Mall> malls = new LinkedHashMap<>();

    public Cafe24Platform(SandboxConfig config, Faults faults) {
        this(config, faults, DEFAULT_CACHED_MALLS);
    }

    /** Keeps the data of at most {@code cachedMalls} malls generated at a time. */
    public Cafe24Platform(SandboxConfig config, Faults faults, int cachedMalls) {
        MallDataCache cache = new MallDataCache(cachedMalls);
        for (int i = 1; i <= config.cafe24Malls(); i++) {
            String mallId = String.format("sandbox%02d", i);
            malls.put(mallId, new Cafe24Mall(mallId, i, config, faults, cache));
        }
    }

    public List<Cafe24Mall> malls() {
        return List.copyOf(malls.values());
    }

    public Cafe24Mall mall(String mallId) {
        Cafe24Mall mall = malls.get(mallId);
        if (mall == null) {
            throw new IllegalArgumentException("The sandbox plays no Cafe24 mall '" + mallId + "'");
        }
        return mall;
    }

    public SandboxResponse handle(String mallId, SandboxRequest request) {
        Cafe24Mall mall = malls.get(mallId);
        if (mall == null) {
            return SandboxResponse.json(404, Cafe24Json.error(404, "Mall " + mallId + " does not exist."));
        }
        return mall.handle(request);
    }

    /** Undoes the reconciliation knobs of every mall ({@link Cafe24Mall#clearDrifts}). */
    public void clearDrifts() {
        malls.values().forEach(Cafe24Mall::clearDrifts);
    }

    public void expireAccessTokens() {
        malls.values().forEach(Cafe24Mall::expireAccessTokens);
    }

    /** What a client needs to connect to each mall, as if the seller had installed the app. */
    public List<Map<String, Object>> mallDescriptors(Function<String, String> baseUrl) {
        return malls.values().stream().map(m -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("mall_id", m.mallId());
            d.put("base_url", baseUrl.apply(m.mallId()));
            d.put("client_id", m.clientId());
            d.put("client_secret", m.clientSecret());
            d.put("refresh_token", m.currentRefreshToken());
            return d;
        }).toList();
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        malls.values().forEach(m -> stats.put(m.mallId(), Map.of("accepted_calls", m.acceptedCalls(),
                "rejected_429", m.rejected429(), "token_refreshes", m.refreshCount())));
        return stats;
    }
}
