package com.mallbatch.bench;

import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The jobs wired as the application wires them, on a throwaway schema, with a bench's own settings on top. */
final class BenchContext {

    private BenchContext() {
    }

    static ConfigurableApplicationContext start(ThrowawaySchema schema, String... properties) {
        return startWithKey(schema, CredentialCipher.newKey(), properties);
    }

    /** With the credentials sealed by {@code secretKey}: contexts one after the other on one schema share it. */
    static ConfigurableApplicationContext startWithKey(ThrowawaySchema schema, String secretKey, String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + schema.jdbcUrl(),
                "spring.datasource.username=" + schema.user(),
                "spring.datasource.password=" + schema.password(),
                "spring.batch.job.enabled=false",
                "spring.main.banner-mode=off",
                "mallbatch.secret-key=" + secretKey));
        all.addAll(Arrays.asList(properties));
        // as command-line arguments, so they win over an application.yml on the classpath (admin-web's, there for the
        // scale bench, sets mallbatch.collect.concurrency and the pool size); default properties would lose to it
        return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
                .run(all.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
