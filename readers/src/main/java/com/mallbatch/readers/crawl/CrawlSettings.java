package com.mallbatch.readers.crawl;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How seller centers are crawled ({@code mallbatch.crawl.*}); politeness and selectors live in each site's profile.
 *
 * @param readTimeout time to wait for a page
 * @param profilesDir a directory of site profiles ({@code NAME.yml}), looked up after the {@code crawl_profiles}
 *                    table and before the bundled ones; none by default
 */
@ConfigurationProperties("mallbatch.crawl")
public record CrawlSettings(@DefaultValue("20s") Duration readTimeout, Path profilesDir) {
}
