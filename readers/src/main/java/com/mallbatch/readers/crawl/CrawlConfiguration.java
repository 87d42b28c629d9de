package com.mallbatch.readers.crawl;

import com.mallbatch.domain.port.CrawlProfileStore;
import com.mallbatch.domain.port.CrawlProfileTrial;
import com.mallbatch.domain.port.CredentialStore;
import com.mallbatch.domain.port.DailyTotalsLog;
import com.mallbatch.domain.port.FetchFailureLog;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The crawl adapter for seller centers without an API, tuned by {@code mallbatch.crawl.*} ({@link CrawlSettings}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CrawlSettings.class)
public class CrawlConfiguration {

    /** Profiles from the database, then {@code mallbatch.crawl.profiles-dir}, then the bundled ones. */
    @Bean
    SiteProfiles siteProfiles(CrawlProfileStore stored, CrawlSettings settings) {
        return new SiteProfiles(stored, settings.profilesDir());
    }

    @Bean
    CrawlExtractors crawlExtractors(SiteProfiles profiles, CredentialStore credentials, FetchFailureLog failures,
                                    DailyTotalsLog dailyTotals, CrawlSettings settings) {
        return new CrawlExtractors(profiles, credentials, failures, dailyTotals, settings.readTimeout());
    }

    /** Checks a profile and tries it on a seller center for the people who edit profiles. */
    @Bean
    CrawlProfileTrial crawlProfileTrial(CrawlExtractors extractors) {
        return new SiteProfileTrial(extractors);
    }
}
