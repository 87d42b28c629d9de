package com.mallbatch.admin.infrastructure.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** For web slices whose pages count days back from today: 2026-11-21 09:00 in Seoul. */
@TestConfiguration
public class FixedSeoulClock {

    public static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneId.of("Asia/Seoul"));
    }
}
