package com.mallbatch.admin.users;

import com.mallbatch.admin.infrastructure.security.Role;
import com.mallbatch.jobs.commands.CommandLineCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code MALLBATCH_NEW_USER_PASSWORD=… --mallbatch.command=create-user username=kim roles=OPS}: an admin web user with
 * a bcrypt hash of the password in {@code admin_users}. The password is read from the environment only — a command
 * line shows in {@code ps} and in shell history — and is never logged.
 */
@Component
public class CreateUserCommand implements CommandLineCommand {

    public static final String PASSWORD_VARIABLE = "MALLBATCH_NEW_USER_PASSWORD";
    private static final Logger log = LoggerFactory.getLogger(CreateUserCommand.class);

    private final UserAdministration users;
    private final Function<String, String> environment;

    @Autowired
    public CreateUserCommand(UserAdministration users) {
        this(users, System::getenv);
    }

    CreateUserCommand(UserAdministration users, Function<String, String> environment) {
        this.users = users;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "create-user";
    }

    @Override
    public String usage() {
        return "username=NAME roles=OPS[,FINANCE…] with the password in " + PASSWORD_VARIABLE
                + ": an admin web user (roles VIEWER, OPS, FINANCE, ADMIN)";
    }

    @Override
    public void run(Map<String, String> arguments) {
        if (arguments.containsKey("password")) {
            throw new IllegalArgumentException("a password is never given on the command line; set " + PASSWORD_VARIABLE
                    + " instead (nothing was created)");
        }
        String username = arguments.get("username");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("say username=… (letters, digits and . _ @ -, at most 100)");
        }
        Set<Role> roles = Role.parse(arguments.get("roles"));
        String password = environment.apply(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set the new user's password in the environment variable "
                    + PASSWORD_VARIABLE + " (never on the command line)");
        }
        if (password.length() < UserAdministration.MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(PASSWORD_VARIABLE + " must hold at least "
                    + UserAdministration.MIN_PASSWORD_LENGTH + " characters");
        }
        users.create(username, password, roles, "cli");
        log.info("Created admin web user {} with roles {}", username, Role.join(roles));
    }
}
