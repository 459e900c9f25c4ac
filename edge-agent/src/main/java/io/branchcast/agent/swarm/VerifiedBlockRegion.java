package io.branchcast.agent.swarm;

import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.storage.StorageException;
import io.branchcast.agent.swarm.wire.BlockRef;
import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;

import java.io.IOException;
import java.nio.channels.WritableByteChannel;

/**
 * VerifiedBlockRegion is one requested block as a Netty {@link FileRegion}: when the socket can take data, Netty asks
 * it to transfer, and it has the {@link PieceStore} send the verified bytes straight from the file into the socket
 * (sendfile), so serving neither reads the block onto the heap nor copies it into a direct buffer. The store checks
 * again at transfer time that the piece is verified. It is not responsible for deciding what may be served.
 */
final class VerifiedBlockRegion extends AbstractReferenceCounted implements FileRegion {

    private final PieceStore store;
    private final BlockRef block;
    private long transferred;

    VerifiedBlockRegion(PieceStore store, BlockRef block) {
        this.store = store;
        this.block = block;
    }

    /** The block's offset inside its piece; the store maps it to the file. */
    @Override
    public long position() {
        return block.begin();
    }

    @Override
    public long transferred() {
        return transferred;
    }

    @Override
    @Deprecated
    public long transfered() {
        return transferred;
    }

    @Override
    public long count() {
        return block.length();
    }

    @Override
    public long transferTo(WritableByteChannel target, long position) throws IOException {
        int from = Math.toIntExact(position);
        try {
            long sent = store.transferVerified(block.pieceIndex(), block.begin() + from, block.length() - from, target);
            transferred += sent;
            return sent;
        } catch (StorageException e) {
            // As an I/O error Netty closes the connection: the peer asks someone else instead of waiting for the block.
            throw new IOException("cannot serve " + block + ": " + e.getMessage(), e);
        }
    }

    @Override
    public FileRegion retain() {
        super.retain();
        return this;
    }

    @Override
    public FileRegion retain(int increment) {
        super.retain(increment);
        return this;
    }

    @Override
    public FileRegion touch() {
        return this;
    }

    @Override
    public FileRegion touch(Object hint) {
        return this;
    }

    @Override
    protected void deallocate() {
        // Nothing is held: the store owns the file.
    }
}
