package io.branchcast.agent.cli;

import io.branchcast.agent.config.AgentConfig;
import io.branchcast.agent.config.AgentConfigLoader;
import io.branchcast.agent.config.ConfigException;
import io.branchcast.agent.daemon.AgentDaemon;
import io.branchcast.agent.enrollment.CredentialsException;
import io.branchcast.agent.enrollment.EnrollmentRefusedException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * RunCommand starts the agent daemon ({@link AgentDaemon}). Exit codes: 0 after a clean stop, 2 for a configuration
 * problem (including an unsafe credentials file), 3 when the control plane refused the enrollment.
 */
public final class RunCommand implements Command {

    public static final int EXIT_CONFIG = 2;
    public static final int EXIT_ENROLLMENT_REFUSED = 3;

    @Override
    public String name() {
        return "run";
    }

    @Override
    public String summary() {
        return "run the agent: enroll on first start, take jobs from Kafka, share payloads, report progress";
    }

    @Override
    public Set<String> options() {
        Set<String> options = new HashSet<>(AgentConfigLoader.KEYS);
        options.add("config");
        return options;
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                usage: branchcast-agent run [--config FILE] [--<setting> VALUE ...]
                  --config FILE          settings file, Java properties (default %s)
                Settings (file key, or environment variable %s<KEY> with dots as underscores, or --<key>):
                  control-plane.url      control plane base URL (required)
                  enrollment.token       enrollment token, needed on the first start only
                  state.dir              credentials, job state, event buffer (default %s)
                  data.dir               payloads (default <state.dir>/payloads)
                  bind.address           address for peers and outgoing connections (default 0.0.0.0)
                  peer.port              first peer port; concurrent jobs use the next ones (default %d)
                  status.address         loopback address of the status endpoint (default 127.0.0.1)
                  status.port            port of the status endpoint (default %d)
                  hostname               reported at enrollment (default: the system host name)
                  machine.id             stable machine id (default /etc/machine-id, else generated)
                exit codes: 0 stopped, 2 configuration error, 3 enrollment refused
                """.formatted(AgentConfigLoader.DEFAULT_FILE, AgentConfigLoader.ENV_PREFIX,
                AgentConfigLoader.DEFAULT_STATE_DIR, AgentConfigLoader.DEFAULT_PEER_PORT,
                AgentConfigLoader.DEFAULT_STATUS_PORT);
    }

    @Override
    public int run(Arguments args) throws Exception {
        Map<String, String> flags = new HashMap<>();
        for (String key : AgentConfigLoader.KEYS) {
            if (args.has(key)) {
                flags.put(key, args.string(key, null));
            }
        }
        try {
            AgentConfig config = AgentConfigLoader.forSystem().load(
                    args.has("config") ? Path.of(args.string("config", null)) : null, flags);
            return new AgentDaemon(config).run();
        } catch (ConfigException | CredentialsException e) {
            System.err.println("branchcast-agent: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (EnrollmentRefusedException e) {
            System.err.println("branchcast-agent: " + e.getMessage() + hint(e.code()));
            return EXIT_ENROLLMENT_REFUSED;
        }
    }

    private static String hint(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "enrollment-token-invalid", "enrollment-token-expired", "enrollment-token-used-up",
                 "enrollment-token-revoked" -> "\nAsk an administrator for a new enrollment token and set"
                    + " enrollment.token.";
            case "agent-revoked" -> "\nThis machine's agent was revoked; an administrator must decide before it may"
                    + " enroll again.";
            default -> "";
        };
    }
}
