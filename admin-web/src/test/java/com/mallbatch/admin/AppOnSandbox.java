package com.mallbatch.admin;

import com.mallbatch.jobs.collect.SandboxWorld;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app as deployed, serving the admin web on a random port, on a sandbox world's schema with its secret key and no
 * scheduler, with the given users in configuration: what the admin web's app and browser tests start from.
 */
public final class AppOnSandbox {

    private AppOnSandbox() {
    }

    /**
     * @param users name → {role, password}
     * @param more  further arguments (an accounts file, timeouts, the ERP …)
     */
    public static ConfigurableApplicationContext start(SandboxWorld world, Map<String, String[]> users, String... more) {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + world.schema.jdbcUrl(), "--spring.datasource.username=" + world.schema.user(),
                "--spring.datasource.password=" + world.schema.password(), "--mallbatch.secret-key=" + world.secretKey,
                "--mallbatch.scheduling.enabled=false"));
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        int i = 0;
        for (Map.Entry<String, String[]> user : users.entrySet()) {
            args.add("--mallbatch.admin.users[" + i + "].username=" + user.getKey());
            args.add("--mallbatch.admin.users[" + i + "].roles=" + user.getValue()[0]);
            args.add("--mallbatch.admin.users[" + i++ + "].password-hash=" + bcrypt.encode(user.getValue()[1]));
        }
        args.addAll(List.of(more));
        return MallbatchApplication.run(args.toArray(String[]::new));
    }

    public static String baseUrl(ConfigurableApplicationContext app) {
        return "http://127.0.0.1:" + ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
