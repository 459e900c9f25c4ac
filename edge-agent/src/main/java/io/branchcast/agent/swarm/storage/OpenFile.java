package io.branchcast.agent.swarm.storage;

import io.netty.channel.DefaultFileRegion;
import io.netty.channel.FileRegion;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * OpenFile is the store's data file channel, shared by the store and the file regions queued on peers' sockets: it
 * closes when the store has let go of it and the last region was sent or dropped. So completing a download (which
 * switches the store to the installed file) or closing the store never fails a block already queued for a peer.
 */
final class OpenFile extends AbstractReferenceCounted {

    private static final System.Logger LOG = System.getLogger(OpenFile.class.getName());
    /**
     * Netty's native transports send a {@link DefaultFileRegion} with {@code sendfile}, reading the file descriptor
     * out of the JDK's own channel class; a channel of another class (a test's fault-injecting wrapper) must not reach
     * them.
     */
    private static final String JDK_FILE_CHANNEL = "sun.nio.ch.FileChannelImpl";

    private final FileChannel channel;
    private final Path path;

    OpenFile(FileChannel channel, Path path) {
        this.channel = channel;
        this.path = path;
    }

    FileChannel channel() {
        return channel;
    }

    /**
     * A region of the file that the transport sends from the page cache into the socket ({@code sendfile}); it holds
     * this file open until it is released. Call it while the caller's own reference is held.
     */
    FileRegion region(long position, long count) {
        if (!channel.getClass().getName().equals(JDK_FILE_CHANNEL)) {
            return new DefaultFileRegion(path.toFile(), position, count);
        }
        retain();
        return new SharedRegion(this, position, count);
    }

    @Override
    protected void deallocate() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing {0} failed: {1}", path, e.toString());
        }
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        return this;
    }

    /** A region that gives its reference back to the shared file instead of closing the channel. */
    private static final class SharedRegion extends DefaultFileRegion {
        private final OpenFile file;

        SharedRegion(OpenFile file, long position, long count) {
            super(file.channel, position, count);
            this.file = file;
        }

        @Override
        protected void deallocate() {
            file.release();
        }
    }
}
