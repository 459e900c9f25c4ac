package io.branchcast.agent.cli;

import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestVerifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ManifestFiles reads manifest files and trust-key files for the command line. A trust-key file holds one key per
 * line, {@code <key-id> <base64 X.509 Ed25519 public key>}; a single bare base64 line is trusted under the manifest's
 * own key id. Without a trust-key file the manifest is used unverified, with a loud warning (tests and benchmarks
 * only).
 */
final class ManifestFiles {

    private ManifestFiles() {
    }

    static Manifest load(Path manifestFile, Path trustKeyFile) throws IOException {
        Manifest manifest = Manifest.decode(Files.readAllBytes(manifestFile));
        if (trustKeyFile == null) {
            System.err.println("WARNING: manifest signature NOT verified (no --trust-key): for tests and benchmarks only");
            return manifest;
        }
        return ManifestVerifier.ofEncodedKeys(keys(trustKeyFile, manifest.keyId())).verify(manifest);
    }

    /** Writes a trust-key file for one key. */
    static void writeKey(Path file, String keyId, String base64) throws IOException {
        Files.writeString(file, keyId + " " + base64 + "\n", StandardCharsets.US_ASCII);
    }

    private static Map<String, String> keys(Path file, String manifestKeyId) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        Map<String, String> keys = new HashMap<>();
        for (String line : lines) {
            String[] parts = line.split("\\s+");
            if (parts.length == 1 && lines.size() == 1) {
                keys.put(manifestKeyId, parts[0]);
            } else if (parts.length == 2) {
                keys.put(parts[0], parts[1]);
            } else {
                throw new UsageException("trust-key file " + file + ": expected '<key-id> <base64>' lines");
            }
        }
        return keys;
    }
}
