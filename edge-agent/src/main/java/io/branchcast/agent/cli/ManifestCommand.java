package io.branchcast.agent.cli;

import io.branchcast.contracts.manifest.Ed25519Keys;
import io.branchcast.contracts.manifest.Manifest;
import io.branchcast.contracts.manifest.ManifestSigner;
import io.branchcast.contracts.manifest.PieceHasher;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;

/**
 * ManifestCommand hashes a file and writes a signed manifest for it, signed with a fresh throwaway key whose public
 * half goes to a trust-key file. It exists for tests and benchmarks; production manifests are signed by the control
 * plane.
 */
public final class ManifestCommand implements Command {

    private static final String KEY_ID = "local-test";

    @Override
    public String name() {
        return "manifest";
    }

    @Override
    public String summary() {
        return "hash a file and write a manifest signed with a throwaway key (tests, benchmarks)";
    }

    @Override
    public Set<String> options() {
        return Set.of("file", "out", "piece-length-kib", "web-seed", "key-out");
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public String usage() {
        return """
                usage: branchcast-agent manifest --file FILE --out MANIFEST [options]
                  --piece-length-kib N   piece length in KiB, a power of two from 16 to 16384 (default 1024)
                  --web-seed URL         origin URL recorded in the manifest's url-list
                  --key-out FILE         write the trust-key file for --trust-key here
                """;
    }

    @Override
    public int run(Arguments args) throws IOException {
        Path file = Path.of(args.required("file"));
        int pieceLength = (int) args.number("piece-length-kib", 1024, 16, 16384) * 1024;
        PieceHasher hasher = new PieceHasher(pieceLength, Files.size(file));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
            while (channel.read(buffer.clear()) >= 0) {
                hasher.update(buffer.flip());
            }
        }
        KeyPair keys = Ed25519Keys.generate();
        List<URI> webSeeds = args.has("web-seed") ? List.of(URI.create(args.string("web-seed", null))) : List.of();
        Manifest manifest = new ManifestSigner(KEY_ID, keys.getPrivate())
                .sign(hasher.finish(), file.getFileName().toString(), webSeeds);
        Files.write(Path.of(args.required("out")), manifest.encode());
        if (args.has("key-out")) {
            ManifestFiles.writeKey(Path.of(args.string("key-out", null)), KEY_ID,
                    Ed25519Keys.encodePublicKey(keys.getPublic()));
        }
        System.out.println("manifest pieces=" + manifest.info().pieceCount() + " length=" + manifest.info().length());
        return 0;
    }
}
