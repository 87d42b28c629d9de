package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.health.AccountHealthService;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * {@code --mallbatch.command=pause-account account=acme/CAFE24/acmeshop reason="…" [by=name]}: the account's collects
 * skip it until {@code resume-account}; the same use case as the admin web's pause.
 */
@Component
public class PauseAccountCommand implements CommandLineCommand {

    private final AccountHealthService health;

    public PauseAccountCommand(AccountHealthService health) {
        this.health = health;
    }

    @Override
    public String name() {
        return "pause-account";
    }

    @Override
    public String usage() {
        return "account=tenant/PLATFORM/accountKey reason=why [by=who]: take an account out of the collects until resumed";
    }

    @Override
    public void run(Map<String, String> arguments) {
        health.pause(Arguments.required(arguments, "account", "tenant/PLATFORM/accountKey"),
                Arguments.required(arguments, "reason", "why it is paused, for whoever resumes it"),
                arguments.getOrDefault("by", "cli"));
    }
}
