package io.branchcast.agent.swarm.storage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * ResumeFile is the sidecar that remembers which pieces of a staged download were verified. It is replaced
 * atomically (write a temporary file, fsync, rename, fsync the directory), so a crash leaves either the old or the
 * new state, never a torn one. Layout, big-endian:
 * <pre>
 * magic "BCRS" (4) | version 1 (1) | info hash (20) | piece count (4) | bitfield length n (4) | bitfield (n) | CRC32 (8)
 * </pre>
 * The bitfield is {@link BitSet#toByteArray()}. A file that is missing, of another torrent or damaged reads as empty.
 */
final class ResumeFile {

    private static final int MAGIC = 0x42435253;
    private static final byte VERSION = 1;

    private ResumeFile() {
    }

    static void write(Path path, byte[] infoHash, int pieceCount, BitSet verified) throws IOException {
        byte[] bitfield = verified.toByteArray();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeByte(VERSION);
        out.write(infoHash);
        out.writeInt(pieceCount);
        out.writeInt(bitfield.length);
        out.write(bitfield);
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());

        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Directories.fsync(path.getParent());
    }

    /** The verified pieces recorded for this torrent, or empty if there is no valid record. */
    static Optional<BitSet> read(Path path, byte[] infoHash, int pieceCount) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        int headerLength = 4 + 1 + 20 + 4 + 4;
        if (bytes.length < headerLength + 8) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        byte[] recordedHash = new byte[20];
        if (buffer.getInt() != MAGIC || buffer.get() != VERSION) {
            return Optional.empty();
        }
        buffer.get(recordedHash);
        if (!Arrays.equals(recordedHash, infoHash) || buffer.getInt() != pieceCount) {
            return Optional.empty();
        }
        int bitfieldLength = buffer.getInt();
        if (bitfieldLength < 0 || bitfieldLength != bytes.length - headerLength - 8) {
            return Optional.empty();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        if (ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong() != crc.getValue()) {
            return Optional.empty();
        }
        BitSet verified = BitSet.valueOf(Arrays.copyOfRange(bytes, headerLength, headerLength + bitfieldLength));
        return verified.length() > pieceCount ? Optional.empty() : Optional.of(verified);
    }
}
