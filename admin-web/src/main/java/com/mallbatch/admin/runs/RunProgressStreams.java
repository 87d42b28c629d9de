package com.mallbatch.admin.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Live progress of running executions over Server-Sent Events. Once a second, for each execution someone watches, one
 * query reads its status and step counts ({@link RunQueries#progressSnapshot}), whatever the number of watchers; the
 * progress fragment is rendered once per language and sent as a {@code progress} event to each watcher whose view it
 * changes (else a heartbeat comment every {@link #HEARTBEAT}). When the run has ended, each watcher gets the final
 * fragment and an {@code ended} event (its data: the final status), and the stream closes.
 */
@Service
public class RunProgressStreams implements DisposableBean {

    static final Duration TICK = Duration.ofSeconds(1);
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A browser that stays longer reconnects by itself. */
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    /** The rate is measured over about this many ticks. */
    static final int RATE_WINDOW = 10;
    public static final String PROGRESS_EVENT = "progress";
    public static final String ENDED_EVENT = "ended";
    static final String FRAGMENT = "runs/progress";

    private static final Logger log = LoggerFactory.getLogger(RunProgressStreams.class);

    private final RunQueries queries;
    private final ITemplateEngine templates;
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "run-progress");
        thread.setDaemon(true);
        return thread;
    });

    public RunProgressStreams(RunQueries queries, ITemplateEngine templates) {
        this.queries = queries;
        this.templates = templates;
        ticker.scheduleWithFixedDelay(this::tick, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream of an execution's progress, in {@code locale}; unknown executions are refused. */
    public SseEmitter subscribe(long executionId, Locale locale) {
        if (queries.progressSnapshot(executionId).isEmpty()) {
            throw new IllegalArgumentException("no execution " + executionId);
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Watcher watcher = new Watcher(emitter, locale);
        emitter.onCompletion(() -> forget(executionId, watcher));
        emitter.onTimeout(() -> {
            forget(executionId, watcher);
            emitter.complete();
        });
        emitter.onError(error -> forget(executionId, watcher));
        watches.compute(executionId, (id, watch) -> {
            Watch into = watch == null ? new Watch() : watch;
            into.watchers.add(watcher);
            return into;
        });
        return emitter;
    }

    /** How many are watching an execution now. */
    int watching(long executionId) {
        Watch watch = watches.get(executionId);
        return watch == null ? 0 : watch.watchers.size();
    }

    private void tick() {
        for (Long executionId : List.copyOf(watches.keySet())) {
            Watch watch = watches.computeIfPresent(executionId, (id, w) -> w.watchers.isEmpty() ? null : w);
            if (watch == null) {
                continue;
            }
            try {
                publish(executionId, watch);
            } catch (RuntimeException e) { // the next tick tries again; one bad read must not stop the ticker
                log.warn("Could not publish the progress of execution {}: {}", executionId, e.getMessage());
            }
        }
    }

    private void publish(long executionId, Watch watch) {
        Optional<RunProgress.Snapshot> snapshot = queries.progressSnapshot(executionId);
        if (snapshot.isEmpty()) {
            watches.remove(executionId, watch);
            watch.watchers.forEach(w -> w.emitter.complete());
            return;
        }
        RunProgress progress = RunProgress.of(snapshot.get(), watch.earliest());
        watch.remember(snapshot.get());
        if (progress.ended()) {
            // removed before its watchers hear the end: one who subscribes meanwhile gets a watch of its own, which
            // the next tick ends too, instead of joining this one after its last event
            watches.remove(executionId, watch);
        }
        Map<Locale, String> rendered = new HashMap<>();
        Instant now = Instant.now();
        for (Watcher watcher : watch.watchers) {
            String html = rendered.computeIfAbsent(watcher.locale, locale -> render(progress, locale));
            try {
                if (!html.equals(watcher.lastSent)) {
                    watcher.emitter.send(SseEmitter.event().name(PROGRESS_EVENT).data(html));
                    watcher.lastSent = html;
                    watcher.lastSentAt = now;
                } else if (Duration.between(watcher.lastSentAt, now).compareTo(HEARTBEAT) >= 0) {
                    watcher.emitter.send(SseEmitter.event().comment("heartbeat"));
                    watcher.lastSentAt = now;
                }
                if (progress.ended()) {
                    watcher.emitter.send(SseEmitter.event().name(ENDED_EVENT).data(progress.status().name()));
                    watcher.emitter.complete();
                }
            } catch (IOException | IllegalStateException e) { // the browser went away
                forget(executionId, watcher);
                watcher.emitter.completeWithError(e);
            }
        }
    }

    /** The progress fragment, on one line (an SSE data line ends at a line break). */
    private String render(RunProgress progress, Locale locale) {
        return templates.process(FRAGMENT, Set.of("progress"), new Context(locale, Map.of("progress", progress)))
                .replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private void forget(long executionId, Watcher watcher) {
        Watch watch = watches.get(executionId);
        if (watch != null) {
            watch.watchers.remove(watcher);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        watches.values().forEach(watch -> watch.watchers.forEach(w -> w.emitter.complete()));
        watches.clear();
    }

    /** The watchers of one execution and its last snapshots, for the rate. */
    private static final class Watch {

        final List<Watcher> watchers = new CopyOnWriteArrayList<>();
        private final Deque<RunProgress.Snapshot> recent = new ArrayDeque<>();

        synchronized RunProgress.Snapshot earliest() {
            return recent.peekFirst();
        }

        synchronized void remember(RunProgress.Snapshot snapshot) {
            recent.addLast(snapshot);
            while (recent.size() > RATE_WINDOW) {
                recent.removeFirst();
            }
        }
    }

    private static final class Watcher {

        final SseEmitter emitter;
        final Locale locale;
        String lastSent;
        Instant lastSentAt = Instant.EPOCH;

        Watcher(SseEmitter emitter, Locale locale) {
            this.emitter = emitter;
            this.locale = locale;
        }
    }
}
