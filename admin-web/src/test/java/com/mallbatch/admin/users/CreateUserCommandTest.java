package com.mallbatch.admin.users;

import com.mallbatch.admin.MallbatchApplication;
import com.mallbatch.admin.infrastructure.audit.AdminAudit;
import com.mallbatch.admin.infrastructure.security.AdminUserDetailsService;
import com.mallbatch.admin.infrastructure.security.AdminUserProperties;
import com.mallbatch.admin.infrastructure.security.AdminUsers;
import com.mallbatch.localdb.ThrowawaySchema;
import com.mallbatch.writers.secret.CredentialCipher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.io.File;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code create-user} as ops run it — a child JVM with the password in {@code MALLBATCH_NEW_USER_PASSWORD} — stores a
 * bcrypt hash and the roles, audits it, and never prints the password; a password on the command line or none at all
 * is refused and creates nothing. The stored user then signs in with its roles; the audit cannot be changed.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CreateUserCommandTest {

    static final String PASSWORD = "a long and secret passphrase";
    static final String KEY = CredentialCipher.newKey();
    static ThrowawaySchema schema;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void create() {
        schema = ThrowawaySchema.create("createuser");
        jdbc = new JdbcTemplate(new SingleConnectionDataSource(schema.jdbcUrl(), schema.user(), schema.password(), true));
    }

    @AfterAll
    static void drop() {
        schema.close();
    }

    @Test
    @Order(1)
    void theCommandStoresABcryptHashFromTheEnvironmentAndNeverPrintsThePassword() throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), MallbatchApplication.class.getName(),
                "--mallbatch.command=create-user", "username=kim", "roles=OPS,finance"));
        command.addAll(connection());
        File log = Files.createTempFile("create-user", ".log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put(CreateUserCommand.PASSWORD_VARIABLE, PASSWORD);
        Process child = builder.start();
        assertThat(child.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(log.toPath());
        assertThat(child.exitValue()).as(printed).isZero();
        assertThat(printed).contains("Created admin web user kim with roles OPS,FINANCE").doesNotContain(PASSWORD);

        String hash = jdbc.queryForObject("SELECT password_hash FROM admin_users WHERE username = 'kim'", String.class);
        assertThat(hash).startsWith("$2").doesNotContain(PASSWORD);
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, hash)).isTrue();
        assertThat(jdbc.queryForObject("SELECT roles FROM admin_users WHERE username = 'kim'", String.class))
                .isEqualTo("OPS,FINANCE");
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit",
                String.class)).containsExactly("cli create-user user kim created");
        assertThat(jdbc.queryForObject("SELECT detail FROM admin_audit", String.class)).doesNotContain(PASSWORD);
    }

    @Test
    @Order(2)
    void aPasswordOnTheCommandLineOrNoneIsRefusedAndCreatesNothing(CapturedOutput output) {
        int before = output.toString().length();
        assertThat(MallbatchApplication.execute(args("--mallbatch.command=create-user", "username=lee", "roles=VIEWER",
                "password=" + PASSWORD))).isEqualTo(2);
        assertThat(output.toString().substring(before)).contains("a password is never given on the command line")
                .doesNotContain(PASSWORD);
        assertThat(MallbatchApplication.execute(args("--mallbatch.command=create-user", "username=lee", "roles=VIEWER")))
                .as("no password in the environment (these tests do not set it)").isEqualTo(2);
        assertThat(output.toString().substring(before)).contains(CreateUserCommand.PASSWORD_VARIABLE);
        assertThat(MallbatchApplication.execute(args("--mallbatch.command=create-user", "username=lee", "roles=BOSS")))
                .isEqualTo(2);
        assertThat(output.toString().substring(before)).contains("'BOSS' is not a role");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_users WHERE username = 'lee'", Integer.class)).isZero();
    }

    @Test
    @Order(3)
    void theStoredUserSignsInWithItsRolesAndANameIsTakenOnce() {
        AdminUsers users = new AdminUsers(jdbc);
        AdminUserDetailsService service = new AdminUserDetailsService(new AdminUserProperties(List.of()), users);
        UserDetails kim = service.loadUserByUsername("kim");
        assertThat(new BCryptPasswordEncoder().matches(PASSWORD, kim.getPassword())).isTrue();
        assertThat(kim.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_OPS", "ROLE_FINANCE");

        UserAdministration administration = new UserAdministration(new AdminUserProperties(List.of()), users,
                new BCryptPasswordEncoder(), new AdminAudit(jdbc), Optional.empty());
        CreateUserCommand command = new CreateUserCommand(administration, name -> PASSWORD);
        assertThatThrownBy(() -> command.run(java.util.Map.of("username", "kim", "roles", "VIEWER")))
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> new CreateUserCommand(administration, name -> "short").run(java.util.Map.of("username", "ann", "roles", "VIEWER")))
                .hasMessageContaining("at least 12 characters").hasMessageNotContaining("short");
    }

    @Test
    @Order(4)
    void theAuditIsAppendOnly() {
        assertThatThrownBy(() -> jdbc.update("UPDATE admin_audit SET username = 'someone else'"))
                .hasMessageContaining("admin_audit is append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM admin_audit")).hasMessageContaining("admin_audit is append-only");
    }

    @Test
    @Order(5)
    void theUsersPagesUseCaseCreatesDisablesAndLeavesConfiguredUsersAlone() {
        AdminUsers users = new AdminUsers(jdbc);
        AdminUserProperties configured = new AdminUserProperties(List.of(
                new AdminUserProperties.ConfiguredUser("root", "$2a$10$notarealhashnotarealhashnotarealhashnotarealhas", "ADMIN")));
        UserAdministration administration = new UserAdministration(configured, users, new BCryptPasswordEncoder(),
                new AdminAudit(jdbc), Optional.empty());
        administration.create("ann", PASSWORD, java.util.Set.of(com.mallbatch.admin.infrastructure.security.Role.VIEWER),
                "root");
        AdminUserDetailsService service = new AdminUserDetailsService(configured, users);
        assertThat(service.loadUserByUsername("ann").isEnabled()).isTrue();
        assertThat(administration.all()).extracting(UserAdministration.User::username).startsWith("root").contains("ann");

        administration.setEnabled("ann", false, "root");
        assertThat(service.loadUserByUsername("ann").isEnabled()).as("a disabled user cannot sign in").isFalse();
        assertThatThrownBy(() -> administration.setEnabled("root", false, "root")).hasMessageContaining("configuration");
        assertThatThrownBy(() -> administration.create("root", PASSWORD,
                java.util.Set.of(com.mallbatch.admin.infrastructure.security.Role.VIEWER), "root"))
                .hasMessageContaining("configuration");
        assertThat(jdbc.queryForList("SELECT CONCAT(username, ' ', action, ' ', target, ' ', outcome) FROM admin_audit "
                + "WHERE username = 'root' ORDER BY id", String.class)).containsExactly("root create-user user ann created",
                "root disable-user user ann disabled", "root disable-user user root refused: given in configuration");
        assertThat(jdbc.queryForList("SELECT COALESCE(detail, '') FROM admin_audit", String.class))
                .noneMatch(detail -> detail.contains(PASSWORD));
    }

    private static List<String> connection() {
        return List.of("--spring.datasource.url=" + schema.jdbcUrl(), "--spring.datasource.username=" + schema.user(),
                "--spring.datasource.password=" + schema.password(), "--mallbatch.secret-key=" + KEY);
    }

    private static String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(connection());
        return all.toArray(String[]::new);
    }
}
