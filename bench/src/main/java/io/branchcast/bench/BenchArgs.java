package io.branchcast.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** BenchArgs reads {@code --name value} options with defaults. */
record BenchArgs(Map<String, String> values) {

    static BenchArgs parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i] + "; options are --name value");
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new BenchArgs(values);
    }

    int intValue(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    Path repo() {
        return Path.of(values.getOrDefault("repo", ".")).toAbsolutePath();
    }
}
