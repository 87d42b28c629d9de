package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.launch.RunControl;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code --mallbatch.command=abandon-run execution=ID [by=name]}: RunControl's abandon, as the admin web's button does it. */
@Component
public class AbandonRunCommand implements CommandLineCommand {

    private final RunControl runControl;

    public AbandonRunCommand(RunControl runControl) {
        this.runControl = runControl;
    }

    @Override
    public String name() {
        return "abandon-run";
    }

    @Override
    public String usage() {
        return "execution=ID [by=who]: mark a STOPPED or FAILED run ABANDONED, so it is never restarted";
    }

    @Override
    public void run(Map<String, String> arguments) {
        runControl.abandon(Arguments.executionId(arguments), arguments.getOrDefault("by", "cli"));
    }
}
