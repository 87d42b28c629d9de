package com.mallbatch.sandbox;

import com.mallbatch.sandbox.cafe24.Cafe24Platform;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the sandbox on its own: {@code --port=8089 --seed=42 --malls=3 --products=150 --variants=4 --orders=40
 * --days=10 --leak=2 --html-centers=2 --next-centers=1 --line-centers=1
 * --session-requests=10000}. Prints every mall and seller center with its starting credentials.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            opts.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        SandboxConfig base = SandboxConfig.small();
        SandboxConfig config = base
                .withSeed(Long.parseLong(opts.getOrDefault("seed", String.valueOf(base.seed()))))
                .withMalls(Integer.parseInt(opts.getOrDefault("malls", String.valueOf(base.cafe24Malls()))))
                .withSize(Integer.parseInt(opts.getOrDefault("products", String.valueOf(base.productsPerMall()))),
                        Integer.parseInt(opts.getOrDefault("variants", String.valueOf(base.maxVariantsPerProduct()))),
                        Integer.parseInt(opts.getOrDefault("orders", String.valueOf(base.ordersPerDay()))),
                        Integer.parseInt(opts.getOrDefault("days", String.valueOf(base.historyDays()))))
                .withRate(Integer.parseInt(opts.getOrDefault("bucket", "40")),
                        Double.parseDouble(opts.getOrDefault("leak", "2")))
                .withAccessTokenTtlSeconds(Long.parseLong(opts.getOrDefault("token-ttl", "7200")))
                .withSellerCenters(Integer.parseInt(opts.getOrDefault("html-centers", String.valueOf(base.htmlSellerCenters()))),
                        Integer.parseInt(opts.getOrDefault("next-centers", String.valueOf(base.nextSellerCenters()))),
                        Integer.parseInt(opts.getOrDefault("session-requests", String.valueOf(base.sessionMaxRequests()))))
                .withLineSellerCenters(Integer.parseInt(opts.getOrDefault("line-centers", String.valueOf(base.lineSellerCenters()))));
        if (opts.containsKey("today")) {
            config = config.withToday(LocalDate.parse(opts.get("today")));
        }
        SandboxServer sandbox = SandboxServer.start(config, Integer.parseInt(opts.getOrDefault("port", "8089")),
                Integer.parseInt(opts.getOrDefault("cached-malls", String.valueOf(Cafe24Platform.DEFAULT_CACHED_MALLS))));
        Map<String, Object> malls = Map.of("cafe24", sandbox.cafe24().mallDescriptors(sandbox::cafe24BaseUrl),
                "sellerCenters", sandbox.sellerCenters().descriptors(sandbox::sellerCenterBaseUrl));
        System.out.println("SANDBOX_URL=" + sandbox.baseUrl());
        System.out.println("SANDBOX_MALLS=" + SandboxServer.JSON.writeValueAsString(malls));
        System.out.println(SandboxServer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(malls));
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
    }
}
