package com.mallbatch.readers.smartstore;

import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.FetchFailureLog;
import com.mallbatch.readers.ratelimit.SharedRateLimits;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** The SmartStore adapter, tuned by {@code mallbatch.smartstore.*} ({@link SmartStoreSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmartStoreSettings.class)
public class SmartStoreConfiguration {

    @Bean
    SmartStoreExtractors smartStoreExtractors(CredentialStore credentials, SmartStoreSettings settings,
                                              ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock,
                                              ObjectProvider<SharedRateLimits> shared, FetchFailureLog failures) {
        return new SmartStoreExtractors(credentials, settings, meters.getIfAvailable(SimpleMeterRegistry::new),
                clock.getIfAvailable(Clock::systemUTC), shared.getIfAvailable(), failures);
    }
}
