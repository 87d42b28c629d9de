package com.mallbatch.admin;

import com.mallbatch.jobs.accounts.AccountsFileException;
import com.mallbatch.jobs.launch.ExitCodes;
import com.mallbatch.writers.secret.CredentialKeyException;
import org.springframework.boot.context.properties.bind.BindException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/**
 * Why the application could not start, as one line for a person and an exit code: a secret key that is missing or
 * wrong, a database that cannot be reached or refuses the user, a setting that does not hold. Anything else is
 * unexpected and keeps its stack trace.
 */
public record StartupFailure(String line, int exitCode, boolean expected) {

    public static StartupFailure of(Throwable failure, String databaseUrl) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CredentialKeyException) {
                return new StartupFailure(t.getMessage(), ExitCodes.CONFIGURATION, true);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return new StartupFailure("The database at " + databaseUrl + " refused the user: " + sql.getMessage()
                        + "; check spring.datasource.username and password", ExitCodes.DATABASE, true);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return new StartupFailure("Cannot reach the database at " + databaseUrl + " (" + firstLine(t.getMessage())
                        + "): start it, or point spring.datasource.url at a running MySQL 8 / MariaDB", ExitCodes.DATABASE,
                        true);
            }
            if (t instanceof AccountsFileException) {
                return new StartupFailure(t.getMessage(), ExitCodes.CONFIGURATION, true);
            }
            if (t instanceof BindException) {
                return new StartupFailure(firstLine(t.getMessage()) + ": " + firstLine(deepestMessage(t)),
                        ExitCodes.CONFIGURATION, true);
            }
        }
        return new StartupFailure("mallbatch could not start: " + firstLine(deepestMessage(failure)),
                ExitCodes.UNEXPECTED, false);
    }

    private static String deepestMessage(Throwable failure) {
        String message = failure.toString();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message;
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("");
    }
}
