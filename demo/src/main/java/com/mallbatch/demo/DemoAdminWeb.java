package com.mallbatch.demo;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.sandbox.Faults;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's {@code --serve}: the admin web on the demo's data, with one demo user per role (their passwords printed:
 * they exist only in this process's configuration), until Enter, after adding a failed and a restarted collect and the
 * month's settlement drafts to the data ({@link DemoHistory}). No scheduler runs beside it.
 */
final class DemoAdminWeb {

    /** A demo user per role: its name is the role's, its password {@code demo-} and the name. */
    static final List<String> ROLES = List.of("VIEWER", "OPS", "FINANCE", "ADMIN");

    private DemoAdminWeb() {
    }

    static void serve(List<String> arguments, Faults faults, LocalDate yesterday, Path workFolder, InputStream enter)
            throws IOException {
        List<String> serve = new ArrayList<>(arguments.stream().filter(a -> !a.startsWith("--spring.batch.job.name="))
                .toList());
        if (serve.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            serve.add("--server.port=0");
        }
        serve.add("--mallbatch.scheduling.enabled=false");
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        for (int i = 0; i < ROLES.size(); i++) {
            String user = ROLES.get(i).toLowerCase();
            serve.add("--mallbatch.admin.users[" + i + "].username=" + user);
            serve.add("--mallbatch.admin.users[" + i + "].password-hash=" + bcrypt.encode(password(user)));
            serve.add("--mallbatch.admin.users[" + i + "].roles=" + ROLES.get(i));
        }
        try (ConfigurableApplicationContext app = MallbatchApplication.run(serve.toArray(String[]::new))) {
            DemoHistory.prepare(app, faults, yesterday, workFolder.resolve("rules"));
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            StringBuilder users = new StringBuilder();
            ROLES.forEach(role -> users.append(String.format("  %-8s user %-8s password %s%n", role, role.toLowerCase(),
                    password(role.toLowerCase()))));
            System.out.printf("Admin web on the demo's data: http://127.0.0.1:%d/%nDemo users (this run only):%n%s"
                    + "Press Enter to stop.%n", port, users);
            enter.read();
        }
    }

    static String password(String user) {
        return "demo-" + user;
    }
}
