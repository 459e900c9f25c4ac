package io.branchcast.agent.enrollment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * MachineIds finds the stable id the control plane uses to recognise a machine that enrolls again: the configured one,
 * else systemd's {@code /etc/machine-id}, else one generated once and kept in {@code <state.dir>/machine-id}.
 */
public final class MachineIds {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9-]{8,128}");

    private MachineIds() {
    }

    public static String resolve(String configured, Path systemFile, Path stateDir) throws IOException {
        if (configured != null) {
            return configured;
        }
        String system = readValid(systemFile);
        if (system != null) {
            return system;
        }
        Path kept = stateDir.resolve("machine-id");
        String existing = readValid(kept);
        if (existing != null) {
            return existing;
        }
        String generated = UUID.randomUUID().toString();
        PrivateFiles.createDirectory(stateDir);
        PrivateFiles.writeAtomically(kept, generated.getBytes(StandardCharsets.US_ASCII));
        return generated;
    }

    private static String readValid(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            return null;
        }
        String value = Files.readString(file, StandardCharsets.US_ASCII).strip();
        return VALID.matcher(value).matches() ? value : null;
    }
}
