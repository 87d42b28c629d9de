package com.mallbatch.readers.cafe24;

import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The Cafe24 adapter, tuned by {@code mallbatch.cafe24.*} ({@link Cafe24Settings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Cafe24Settings.class)
public class Cafe24Configuration {

    @Bean
    Cafe24Extractors cafe24Extractors(CredentialStore credentials, Cafe24Settings settings,
                                      ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock,
                                      FetchFailureLog failures) {
        return new Cafe24Extractors(credentials, settings, meters.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC), failures);
    }
}
