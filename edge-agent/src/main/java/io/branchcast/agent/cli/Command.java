package io.branchcast.agent.cli;

import java.util.Set;

/**
 * Command is one subcommand of the agent's command line ({@code branchcast-agent <name> [options]}). It is not
 * responsible for dispatching: {@link io.branchcast.agent.AgentMain} picks the command by name.
 */
public interface Command {

    /** The word that selects the command. */
    String name();

    /** One line for the global help. */
    String summary();

    /** Names of the options that take a value. */
    Set<String> options();

    /** Names of the switches. */
    Set<String> flags();

    /** Full usage text, printed by {@code <name> --help} and after a usage error. */
    String usage();

    /**
     * Runs the command to its end and returns the process exit code.
     *
     * @throws UsageException when the arguments are wrong (exit code 2)
     */
    int run(Arguments arguments) throws Exception;
}
