package io.branchcast.agent.enrollment;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * CredentialsFile is {@code <state.dir>/credentials.json}: the agent's Keycloak client secret and trust material. It
 * is written atomically with mode 0600 in a 0700 directory, and refused when group or others may read it, because a
 * leaked secret lets anyone act as this agent until it is revoked.
 */
public final class CredentialsFile {

    public static final String NAME = "credentials.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public CredentialsFile(Path stateDir) {
        this.file = stateDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The stored credentials, or empty before enrollment. */
    public Optional<Credentials> read() {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            if (PrivateFiles.isSharedWithOthers(file)) {
                throw new CredentialsException(file + " may be read by other users (mode "
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(file))
                        + "); refusing to use it. Fix: chmod 600 " + file + " (and chmod 700 " + file.getParent()
                        + "), then check who could have read the secret; if in doubt, revoke the agent and enroll"
                        + " it again");
            }
            return Optional.of(JSON.readValue(Files.readAllBytes(file), Credentials.class));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CredentialsException("cannot read " + file + ": " + e.getMessage()
                    + ". Fix: restore it, or delete it and start the agent with a new enrollment token", e);
        }
    }

    public void write(Credentials credentials) throws IOException {
        PrivateFiles.createDirectory(file.getParent());
        PrivateFiles.writeAtomically(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(credentials));
    }
}
