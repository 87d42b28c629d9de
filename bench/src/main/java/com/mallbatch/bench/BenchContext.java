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
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + schema.jdbcUrl(),
                "spring.datasource.username=" + schema.user(),
                "spring.datasource.password=" + schema.password(),
                "spring.batch.job.enabled=false",
                "spring.main.banner-mode=off",
                "mallbatch.secret-key=" + CredentialCipher.newKey()));
        all.addAll(Arrays.asList(properties));
        return new SpringApplicationBuilder(BenchApplication.class).web(WebApplicationType.NONE)
                .properties(all.toArray(String[]::new)).run();
    }
}
