package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Payloads uploads random files as artifacts: incompressible, different per seed, reproducible for a seed. */
final class Payloads {

    private Payloads() {
    }

    static JsonNode upload(String name, long size, long seed) throws IOException {
        Path file = Files.createTempFile("branchcast-payload", ".bin");
        try {
            write(file, size, seed);
            return SystemUnderTest.get().admin.upload(file, name, "1.0." + seed);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, long size, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = size; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }
}
