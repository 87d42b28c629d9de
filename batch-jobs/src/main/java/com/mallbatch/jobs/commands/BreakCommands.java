package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.reconcile.BreakDecisions;
import com.mallbatch.writers.mysql.JdbcReconcileLedger.BreakRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/**
 * {@code --mallbatch.command=acknowledge-break|resolve-break|accept-break break=ID by=NAME [comment="…"]}: a person's
 * decision about a reconcile break, through the same use case as the admin web.
 */
@Configuration(proxyBeanMethods = false)
public class BreakCommands {

    private static final Logger log = LoggerFactory.getLogger(BreakCommands.class);

    @FunctionalInterface
    interface Decision {
        BreakRow decide(BreakDecisions decisions, long breakId, String by, String comment);
    }

    @Bean
    CommandLineCommand acknowledgeBreakCommand(BreakDecisions decisions) {
        return command("acknowledge-break", "seen and being handled", decisions, BreakDecisions::acknowledge);
    }

    @Bean
    CommandLineCommand resolveBreakCommand(BreakDecisions decisions) {
        return command("resolve-break", "fixed (a comment says how)", decisions, BreakDecisions::resolve);
    }

    @Bean
    CommandLineCommand acceptBreakCommand(BreakDecisions decisions) {
        return command("accept-break", "the difference is right and stays (a comment says why)", decisions,
                BreakDecisions::accept);
    }

    private static CommandLineCommand command(String name, String meaning, BreakDecisions decisions, Decision decision) {
        return new CommandLineCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String usage() {
                return "break=ID by=NAME [comment=\"…\"]: mark a reconcile break " + meaning;
            }

            @Override
            public void run(Map<String, String> arguments) {
                String id = Arguments.required(arguments, "break", "the break's number, as the digest shows it (#ID)");
                long breakId;
                try {
                    breakId = Long.parseLong(id.startsWith("#") ? id.substring(1) : id);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("break=" + id + " is not a break number");
                }
                BreakRow row = decision.decide(decisions, breakId, arguments.get("by"), arguments.get("comment"));
                log.info("Break #{} ({} {} {}) is now {}", row.id(), row.check(), row.type(), row.key(), row.state());
            }
        };
    }
}
