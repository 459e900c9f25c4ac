package io.branchcast.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** CommandLine holds the devstack's command and its {@code --name value} options. */
record CommandLine(String command, Map<String, String> options) {

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new StackException("usage: devstack services --stack-file FILE | run --repo DIR");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new StackException("unexpected argument '" + args[i] + "': options are --name value");
            }
            options.put(args[i], args[++i]);
        }
        return new CommandLine(args[0], Map.copyOf(options));
    }

    String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new StackException("missing option " + name);
        }
        return value;
    }

    StackSettings settings(int postgres, int kafka, int keycloak, Path dataDir) {
        return StackSettings.fromEnvironment(System.getenv(), postgres, kafka, keycloak,
                Path.of(options.getOrDefault("--data-dir", dataDir.toString())));
    }
}
