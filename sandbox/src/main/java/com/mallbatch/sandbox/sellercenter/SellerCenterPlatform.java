package com.mallbatch.sandbox.sellercenter;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxRequest;
import com.mallbatch.sandbox.SandboxResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The crawl-only seller centers: {@code stylemarket01…} render HTML, {@code nextshop01…} ship __NEXT_DATA__ JSON,
 * {@code easyseller01…} render HTML with one order-list row per order line.
 */
public final class SellerCenterPlatform {

    private final Map<String, SellerCenter> centers = new LinkedHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger peakInFlight = new java.util.concurrent.atomic.AtomicInteger();

    public SellerCenterPlatform(SandboxConfig config, Faults faults) {
        for (int i = 1; i <= config.htmlSellerCenters(); i++) {
            String id = String.format("stylemarket%02d", i);
            add(id, config, faults, new ClassicBackOffice(SellerCenter.base(id), false, config, i, faults));
        }
        for (int i = 1; i <= config.nextSellerCenters(); i++) {
            String id = String.format("nextshop%02d", i);
            add(id, config, faults, new ClassicBackOffice(SellerCenter.base(id), true, config, 100 + i, faults));
        }
        for (int i = 1; i <= config.lineSellerCenters(); i++) {
            String id = String.format("easyseller%02d", i);
            add(id, config, faults, new LineRowsBackOffice(SellerCenter.base(id), config, i, faults));
        }
    }

    private void add(String id, SandboxConfig config, Faults faults, BackOffice backOffice) {
        centers.put(id, new SellerCenter(id, config, faults, backOffice));
    }

    public List<SellerCenter> centers() {
        return List.copyOf(centers.values());
    }

    public SellerCenter center(String id) {
        SellerCenter center = centers.get(id);
        if (center == null) {
            throw new IllegalArgumentException("The sandbox plays no seller center '" + id + "'");
        }
        return center;
    }

    public SandboxResponse handle(String id, SandboxRequest request) {
        SellerCenter center = centers.get(id);
        if (center == null) {
            return SandboxResponse.html(404, "<html><body>no such seller center</body></html>");
        }
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return center.handle(request);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** The most requests the seller centers were serving at once since the last reset, across all of them. */
    public int peakConcurrentRequests() {
        return peakInFlight.get();
    }

    public void resetPeakConcurrentRequests() {
        peakInFlight.set(0);
    }

    public List<Map<String, Object>> descriptors(Function<String, String> baseUrl) {
        return centers.values().stream().map(c -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", c.id());
            d.put("flavour", c.flavour());
            d.put("crawl_profile", c.crawlProfile());
            d.put("base_url", baseUrl.apply(c.id()));
            d.put("username", c.username());
            d.put("password", c.password());
            return d;
        }).toList();
    }
}
