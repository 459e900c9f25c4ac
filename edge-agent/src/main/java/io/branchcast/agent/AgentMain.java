package io.branchcast.agent;

import io.branchcast.agent.cli.Arguments;
import io.branchcast.agent.cli.Command;
import io.branchcast.agent.cli.ManifestCommand;
import io.branchcast.agent.cli.RunCommand;
import io.branchcast.agent.cli.StatusCommand;
import io.branchcast.agent.cli.SwarmCommand;
import io.branchcast.agent.cli.UsageException;
import io.branchcast.agent.daemon.AgentVersion;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AgentMain is the edge agent's command line: {@code branchcast-agent <command> [options]}, {@code --version},
 * {@code --help}. It only dispatches to a {@link Command}; each command owns its options and its run. Exit codes:
 * 0 success, 1 failure, 2 usage or configuration error, 3 enrollment refused ({@code run}).
 */
public final class AgentMain {

    /** Single-line log records: time, level, message (set before any logger exists). */
    private static final String LOG_FORMAT = "%1$tT.%1$tL %4$s %5$s%6$s%n";
    /** kafka-clients logs through slf4j-simple; its INFO lines (every reconnect, every config dump) are noise. */
    private static final String KAFKA_LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private AgentMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
        }
        if (System.getProperty(KAFKA_LOG_LEVEL) == null) {
            System.setProperty(KAFKA_LOG_LEVEL, "warn");
        }
        System.exit(run(args));
    }

    static int run(String[] args) {
        Map<String, Command> commands = new LinkedHashMap<>();
        for (Command command : List.of(new RunCommand(), new StatusCommand(), new SwarmCommand(),
                new ManifestCommand())) {
            commands.put(command.name(), command);
        }
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(help(commands));
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals("--version")) {
            System.out.println("branchcast-edge-agent " + AgentVersion.current());
            return 0;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            System.err.println("unknown command '" + args[0] + "'");
            System.err.print(help(commands));
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help")) {
            System.out.print(command.usage());
            return 0;
        }
        try {
            return command.run(Arguments.parse(rest, command.options(), command.flags()));
        } catch (UsageException e) {
            System.err.println(command.name() + ": " + e.getMessage());
            System.err.print(command.usage());
            return 2;
        } catch (Exception e) {
            System.err.println(command.name() + " failed: " + e);
            return 1;
        }
    }

    private static String help(Map<String, Command> commands) {
        StringBuilder text = new StringBuilder("usage: branchcast-agent <command> [options] | --version | --help\n\n"
                + "commands:\n");
        commands.values().forEach(command ->
                text.append(String.format("  %-10s %s%n", command.name(), command.summary())));
        text.append("\n'branchcast-agent <command> --help' shows a command's options.\n");
        return text.toString();
    }
}
