package io.branchcast.agent.swarm.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * FailingFileChannel delegates to a real channel but fails every positional write after a byte budget is spent, with
 * the message the JDK gives for ENOSPC: a full disk without a full disk.
 */
final class FailingFileChannel extends FileChannel {

    private final FileChannel delegate;
    /** Bytes that may still be written before writes fail. */
    private long budget;

    FailingFileChannel(FileChannel delegate, long budget) {
        this.delegate = delegate;
        this.budget = budget;
    }

    @Override
    public int write(ByteBuffer source, long position) throws IOException {
        if (source.remaining() > budget) {
            throw new IOException("No space left on device");
        }
        budget -= source.remaining();
        return delegate.write(source, position);
    }

    @Override
    public int read(ByteBuffer destination) throws IOException {
        return delegate.read(destination);
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
        return delegate.read(destinations, offset, length);
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        delegate.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        delegate.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
        throw new IOException("No space left on device");
    }

    @Override
    public int read(ByteBuffer destination, long position) throws IOException {
        return delegate.read(destination, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
