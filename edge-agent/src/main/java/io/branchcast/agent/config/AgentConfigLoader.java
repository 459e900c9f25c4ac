package io.branchcast.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * AgentConfigLoader reads the agent's settings from a Java properties file, then environment variables
 * ({@code BRANCHCAST_AGENT_<KEY>}, upper case, dots and dashes as underscores), then {@code --<key> value} flags, each
 * overriding the previous, and validates them. Unknown keys in the file are refused so that a typo does not silently
 * fall back to a default.
 */
public final class AgentConfigLoader {

    public static final Path DEFAULT_FILE = Path.of("/etc/branchcast-agent/agent.properties");
    public static final String ENV_PREFIX = "BRANCHCAST_AGENT_";

    public static final String CONTROL_PLANE_URL = "control-plane.url";
    public static final String ENROLLMENT_TOKEN = "enrollment.token";
    public static final String STATE_DIR = "state.dir";
    public static final String DATA_DIR = "data.dir";
    public static final String BIND_ADDRESS = "bind.address";
    public static final String PEER_PORT = "peer.port";
    public static final String STATUS_ADDRESS = "status.address";
    public static final String STATUS_PORT = "status.port";
    public static final String HOSTNAME = "hostname";
    public static final String MACHINE_ID = "machine.id";

    public static final List<String> KEYS = List.of(CONTROL_PLANE_URL, ENROLLMENT_TOKEN, STATE_DIR, DATA_DIR,
            BIND_ADDRESS, PEER_PORT, STATUS_ADDRESS, STATUS_PORT, HOSTNAME, MACHINE_ID);

    public static final String DEFAULT_STATE_DIR = "/var/lib/branchcast-agent";
    public static final int DEFAULT_PEER_PORT = 6881;
    public static final int DEFAULT_STATUS_PORT = 7666;

    private static final Pattern MACHINE_ID_PATTERN = Pattern.compile("[A-Za-z0-9-]{8,128}");
    private static final Pattern HOSTNAME_PATTERN = Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Map<String, String> env;
    private final Supplier<String> systemHostname;

    public AgentConfigLoader(Map<String, String> env, Supplier<String> systemHostname) {
        this.env = Map.copyOf(env);
        this.systemHostname = systemHostname;
    }

    /** A loader reading the process environment and the machine's host name. */
    public static AgentConfigLoader forSystem() {
        return new AgentConfigLoader(System.getenv(), AgentConfigLoader::localHostname);
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Loads and validates the configuration.
     *
     * @param file  the properties file, or null for {@link #DEFAULT_FILE}, which may be absent (a given file may not)
     * @param flags settings from the command line, by key
     */
    public AgentConfig load(Path file, Map<String, String> flags) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        readFile(file == null ? DEFAULT_FILE : file, file != null).forEach((key, value) ->
                settings.put(key, new Setting(value, "file " + (file == null ? DEFAULT_FILE : file))));
        for (String key : KEYS) {
            String value = env.get(envName(key));
            if (value != null) {
                settings.put(key, new Setting(value, "environment variable " + envName(key)));
            }
        }
        flags.forEach((key, value) -> {
            if (!KEYS.contains(key)) {
                throw new ConfigException("unknown setting --" + key);
            }
            settings.put(key, new Setting(value, "flag --" + key));
        });
        return validate(settings);
    }

    private static Map<String, String> readFile(Path file, boolean required) {
        if (!Files.exists(file)) {
            if (required) {
                throw new ConfigException("config file " + file + " does not exist");
            }
            return Map.of();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException("unknown setting '" + key + "' in " + file + "; known settings: "
                        + String.join(", ", KEYS));
            }
            values.put(key, properties.getProperty(key).strip());
        }
        return values;
    }

    private AgentConfig validate(Map<String, Setting> settings) {
        Setting url = settings.get(CONTROL_PLANE_URL);
        if (url == null || url.value().isEmpty()) {
            throw new ConfigException(CONTROL_PLANE_URL + " is required (in the config file, as "
                    + envName(CONTROL_PLANE_URL) + " or as --" + CONTROL_PLANE_URL + ")");
        }
        URI controlPlane = httpUrl(url);
        Path stateDir = absolutePath(STATE_DIR, settings.getOrDefault(STATE_DIR,
                new Setting(DEFAULT_STATE_DIR, "default")));
        Setting data = settings.get(DATA_DIR);
        Path dataDir = data == null ? stateDir.resolve("payloads") : absolutePath(DATA_DIR, data);
        String bind = ipAddress(BIND_ADDRESS, settings.getOrDefault(BIND_ADDRESS, new Setting("0.0.0.0", "default")));
        int peerPort = port(PEER_PORT, settings.get(PEER_PORT), DEFAULT_PEER_PORT);
        String status = loopback(settings.getOrDefault(STATUS_ADDRESS, new Setting("127.0.0.1", "default")));
        int statusPort = port(STATUS_PORT, settings.get(STATUS_PORT), DEFAULT_STATUS_PORT);
        Setting hostSetting = settings.get(HOSTNAME);
        String hostname = hostSetting == null ? systemHostname.get() : hostSetting.value();
        if (hostname.length() > 253 || !HOSTNAME_PATTERN.matcher(hostname).matches()) {
            throw new ConfigException(HOSTNAME + " '" + hostname + "' (" + (hostSetting == null ? "system host name"
                    : hostSetting.source()) + ") is not a DNS name of at most 253 characters; set " + HOSTNAME);
        }
        Setting machine = settings.get(MACHINE_ID);
        if (machine != null && !MACHINE_ID_PATTERN.matcher(machine.value()).matches()) {
            throw new ConfigException(MACHINE_ID + " from " + machine.source()
                    + " must be 8 to 128 letters, digits or dashes");
        }
        Setting token = settings.get(ENROLLMENT_TOKEN);
        return new AgentConfig(controlPlane, token == null || token.value().isEmpty() ? null : token.value(),
                stateDir, dataDir, bind, peerPort, status, statusPort, hostname,
                machine == null ? null : machine.value());
    }

    private static URI httpUrl(Setting setting) {
        try {
            URI uri = new URI(setting.value().replaceAll("/+$", ""));
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new URISyntaxException(setting.value(), "not an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(CONTROL_PLANE_URL + " from " + setting.source()
                    + " must be an absolute http(s) URL, got '" + setting.value() + "'");
        }
    }

    private static Path absolutePath(String key, Setting setting) {
        Path path = Path.of(setting.value());
        if (!path.isAbsolute()) {
            throw new ConfigException(key + " from " + setting.source() + " must be an absolute path, got '"
                    + setting.value() + "'");
        }
        return path.normalize();
    }

    private static int port(String key, Setting setting, int defaultPort) {
        if (setting == null) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(setting.value());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new ConfigException(key + " from " + setting.source() + " must be a port from 1 to 65535, got '"
                + setting.value() + "'");
    }

    /** An IP address literal (never a name: resolving it would depend on DNS at every start). */
    private static String ipAddress(String key, Setting setting) {
        String value = setting.value();
        if (!(IPV4.matcher(value).matches() || value.contains(":"))) {
            throw new ConfigException(key + " from " + setting.source() + " must be an IP address, got '"
                    + value + "'");
        }
        try {
            InetAddress.getByName(value);
            return value;
        } catch (UnknownHostException e) {
            throw new ConfigException(key + " from " + setting.source() + " must be an IP address, got '"
                    + value + "'");
        }
    }

    private static String loopback(Setting setting) {
        String value = ipAddress(STATUS_ADDRESS, setting);
        if (!isLoopback(value)) {
            throw new ConfigException(STATUS_ADDRESS + " from " + setting.source() + " is '" + value
                    + "', but the status endpoint may only listen on a loopback address (127.0.0.0/8 or ::1)");
        }
        return value;
    }

    /** Whether {@code address} is an IP literal (never a name) of a loopback address. */
    public static boolean isLoopback(String address) {
        if (!(IPV4.matcher(address).matches() || address.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private record Setting(String value, String source) {
    }
}
