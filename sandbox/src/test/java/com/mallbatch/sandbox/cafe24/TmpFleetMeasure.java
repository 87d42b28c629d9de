package com.mallbatch.sandbox.cafe24;

import com.mallbatch.sandbox.Faults;
import com.mallbatch.sandbox.SandboxConfig;
import com.mallbatch.sandbox.SandboxServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class TmpFleetMeasure {
    static long used() {
        for (int i = 0; i < 3; i++) System.gc();
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        LocalDate today = LocalDate.of(2026, 11, 21);
        SandboxConfig config = SandboxConfig.small().withMalls(1000).withSize(500, 3, 100, 10).withToday(today);
        long base = used();
        long t0 = System.nanoTime();
        Cafe24Platform platform = new Cafe24Platform(config, new Faults());
        long t1 = System.nanoTime();
        System.out.printf("build 1000 malls: %d ms, retained %d KB%n", (t1 - t0) / 1_000_000, (used() - base) / 1024);
        long g0 = System.nanoTime();
        List<MallData> held = new ArrayList<>();
        long b2 = used();
        for (int i = 1; i <= 10; i++) held.add(new MallData(config, i));
        long g1 = System.nanoTime();
        System.out.printf("generate one mall: %d ms, retained per mall %d KB, orders %d items %d%n", (g1 - g0) / 10_000_000,
                (used() - b2) / 10 / 1024, held.get(0).orders().size(),
                held.get(0).orders().stream().mapToInt(o -> o.items().size()).sum());
        held.clear();
        platform = null;

        if (args.length > 0 && args[0].equals("http")) {
            http(config.withRate(100_000, 100_000), today);
        }
    }

    static void http(SandboxConfig config, LocalDate today) throws Exception {
        long before = used();
        long t0 = System.nanoTime();
        SandboxServer sandbox = SandboxServer.start(config, 0);
        System.out.printf("SandboxServer start: %d ms, retained %d KB%n", (System.nanoTime() - t0) / 1_000_000, (used() - before) / 1024);
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicLong bytes = new AtomicLong();
        AtomicLong maxUsed = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime r = Runtime.getRuntime();
                maxUsed.accumulateAndGet(r.totalMemory() - r.freeMemory(), Math::max);
                try { Thread.sleep(20); } catch (InterruptedException e) { return; }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long r0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (Cafe24Mall mall : sandbox.cafe24().malls()) {
            futures.add(pool.submit(() -> {
                String basic = Base64.getEncoder().encodeToString((mall.clientId() + ":" + mall.clientSecret()).getBytes(StandardCharsets.UTF_8));
                String base = sandbox.cafe24BaseUrl(mall.mallId());
                String body = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/oauth/token"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token=" + mall.currentRefreshToken())).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
                m.find();
                String token = m.group(1);
                List<String> paths = new ArrayList<>();
                for (int offset = 0; offset < 500; offset += 100) paths.add("/api/v2/admin/products?embed=variants&limit=100&offset=" + offset);
                paths.add("/api/v2/admin/orders?embed=items&limit=1000&start_date=" + today.minusDays(10) + "&end_date=" + today);
                paths.add("/api/v2/admin/orders?embed=items&limit=1000&offset=1000&start_date=" + today.minusDays(10) + "&end_date=" + today);
                for (String p : paths) {
                    HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + p)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    if (r.statusCode() != 200) throw new IllegalStateException(mall.mallId() + p + " " + r.statusCode());
                    bytes.addAndGet(r.body().length);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        long r1 = System.nanoTime();
        sampler.interrupt();
        System.out.printf("read 1000 malls over HTTP (32 at a time): %d s, %d MB of JSON, max sampled heap %d MB, retained after GC %d MB (max heap %d MB)%n",
                (r1 - r0) / 1_000_000_000, bytes.get() >> 20, maxUsed.get() >> 20, used() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        Object hist = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[]{new String[0]}, new String[]{String[].class.getName()});
        System.out.println(String.join("\n", java.util.Arrays.asList(hist.toString().split("\n")).subList(0, 25)));
        pool.shutdown();
        sandbox.close();
        System.exit(0);
    }
}
