package io.branchcast.agent.swarm.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;

/**
 * ChannelOpener opens the data file's channel. The default is {@link FileChannel#open(Path, OpenOption...)}; tests
 * inject channels that fail (a full disk) without needing a real full file system.
 */
@FunctionalInterface
public interface ChannelOpener {

    ChannelOpener DEFAULT = FileChannel::open;

    FileChannel open(Path path, OpenOption... options) throws IOException;
}
