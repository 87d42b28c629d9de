package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.launch.RunControl;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code --mallbatch.command=stop-run execution=ID [by=name]}: RunControl's stop, as the admin web's button does it. */
@Component
public class StopRunCommand implements CommandLineCommand {

    private final RunControl runControl;

    public StopRunCommand(RunControl runControl) {
        this.runControl = runControl;
    }

    @Override
    public String name() {
        return "stop-run";
    }

    @Override
    public String usage() {
        return "execution=ID [by=who]: ask a STARTED or STARTING run to stop (it ends STOPPED and can be restarted)";
    }

    @Override
    public void run(Map<String, String> arguments) {
        runControl.stop(Arguments.executionId(arguments), arguments.getOrDefault("by", "cli"));
    }
}
