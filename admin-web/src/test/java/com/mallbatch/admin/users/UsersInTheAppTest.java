package com.mallbatch.admin.users;

import com.mallbatch.admin.AppOnSandbox;
import com.mallbatch.admin.infrastructure.web.SignedInBrowser;
import com.mallbatch.jobs.collect.SandboxWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Users in the app as deployed, over HTTP: an ADMIN creates a user on the users page, who signs in and works; the
 * ADMIN disables them, and their open session ends at their next request — not when it would have timed out — and
 * they cannot sign in again.
 */
class UsersInTheAppTest {

    static final String PASSWORD = "admin password for the test";
    static final String ANN_PASSWORD = "ann's long enough password";
    static SandboxWorld world;
    static ConfigurableApplicationContext app;
    static String base;

    @BeforeAll
    static void start() {
        world = new SandboxWorld(SandboxWorld.smallConfig().withMalls(0), "usersweb");
        app = AppOnSandbox.start(world, Map.of("root", new String[]{"ADMIN", PASSWORD}));
        base = AppOnSandbox.baseUrl(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aDisabledUsersOpenSessionEndsAtOnce() {
        SignedInBrowser root = SignedInBrowser.signIn(base, "root", PASSWORD);
        String users = root.get("/users").body();
        assertThat(SignedInBrowser.location(root.submit(users, "/users", Map.of("username", "ann",
                "password", ANN_PASSWORD, "roles", "OPS")))).isEqualTo("/users");
        assertThat(root.get("/users").body()).contains("ann").doesNotContain(ANN_PASSWORD);

        SignedInBrowser ann = SignedInBrowser.signIn(base, "ann", ANN_PASSWORD);
        assertThat(ann.get("/runs").statusCode()).isEqualTo(200);

        root.submit(root.get("/users").body(), "/users/ann/enabled", Map.of("enabled", "false"));
        assertThat(SignedInBrowser.location(ann.get("/runs"))).as("ann's session ended with her user")
                .isEqualTo("/login?expired");
        assertThat(ann.get("/login?expired").body()).contains("Your session was ended: your user was disabled");
        assertThatThrownBy(() -> SignedInBrowser.signIn(base, "ann", ANN_PASSWORD)).hasMessageContaining("could not sign in");
        assertThat(app.getBean(JdbcTemplate.class).queryForList("SELECT CONCAT(username, ' ', action, ' ', outcome) "
                + "FROM admin_audit WHERE action IN ('create-user', 'disable-user') ORDER BY id", String.class))
                .containsExactly("root create-user created", "root disable-user disabled");
    }
}
