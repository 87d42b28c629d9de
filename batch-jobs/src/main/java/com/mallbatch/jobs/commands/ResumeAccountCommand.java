package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.health.AccountHealthService;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code --mallbatch.command=resume-account account=acme/CAFE24/acmeshop [by=name]}: a paused account runs again. */
@Component
public class ResumeAccountCommand implements CommandLineCommand {

    private final AccountHealthService health;

    public ResumeAccountCommand(AccountHealthService health) {
        this.health = health;
    }

    @Override
    public String name() {
        return "resume-account";
    }

    @Override
    public String usage() {
        return "account=tenant/PLATFORM/accountKey [by=who]: un-pause an account and clear its failure streak";
    }

    @Override
    public void run(Map<String, String> arguments) {
        health.resume(Arguments.required(arguments, "account", "tenant/PLATFORM/accountKey"),
                arguments.getOrDefault("by", "cli"));
    }
}
