package com.mallbatch.jobs.commands;

import com.mallbatch.jobs.launch.ExitCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs {@code --mallbatch.command=NAME key=value …} and exits: 0 when it did what was asked, 2 when it was refused
 * (the reason on one line), 3 when it did part of it and must be run again (what is left on one line).
 */
@Component
@ConditionalOnProperty("mallbatch.command")
public class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final List<CommandLineCommand> commands;
    private final String name;
    private int exitCode = ExitCodes.REFUSED;

    public CommandRunner(List<CommandLineCommand> commands, @Value("${mallbatch.command}") String name) {
        this.commands = commands;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        CommandLineCommand command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
        if (command == null) {
            log.error("Unknown command '{}'. The commands are:\n{}", name, commands.stream()
                    .map(c -> "  " + c.name() + " — " + c.usage()).collect(Collectors.joining("\n")));
            return;
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        for (String arg : args.getNonOptionArgs()) {
            int eq = arg.indexOf('=');
            arguments.put(eq < 0 ? arg : arg.substring(0, eq), eq < 0 ? "" : arg.substring(eq + 1));
        }
        try {
            command.run(arguments);
            exitCode = ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            log.error("{}: {}", name, e.getMessage());
        } catch (CommandLineCommand.Unfinished e) {
            log.error("{}: {}", name, e.getMessage());
            exitCode = ExitCodes.UNFINISHED;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
