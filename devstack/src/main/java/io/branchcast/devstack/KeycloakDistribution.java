package io.branchcast.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * KeycloakDistribution unpacks the Keycloak server zip once into the user cache and reuses it: the first start of a
 * fresh unpack runs Keycloak's build step (about a minute on two cores), later starts skip it.
 */
final class KeycloakDistribution {

    private KeycloakDistribution() {
    }

    /** The Keycloak home directory in the cache, unpacking the zip first if needed. */
    static Path ensureUnpacked(Path cacheDir) {
        String version = BuildArtifacts.keycloakVersion();
        Path home = cacheDir.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path zip = BuildArtifacts.keycloakZip();
        Path staging = cacheDir.resolve("keycloak-" + version + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            unzip(zip, staging);
            Path top = staging.resolve("keycloak-" + version);
            try (Stream<Path> scripts = Files.list(top.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
            }
            Files.move(top, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
                return home; // another run unpacked it at the same time
            }
            throw new StackException("cannot unpack Keycloak from " + zip + " into " + cacheDir + ": " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry escapes the target directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover staging directory is harmless; the next unpack uses its own
        }
    }
}
