package io.branchcast.agent.progress;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchcast.agent.enrollment.PrivateFiles;
import io.branchcast.contracts.events.AgentEvent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventOutbox is the agent's on-disk buffer of events not yet acknowledged by Kafka ({@code <state.dir>/outbox}): one
 * fsync'd file per event, named by its position so that events leave in the order they were appended, also after a
 * restart. An event is removed only once Kafka acknowledged it.
 *
 * <p>The buffer is bounded: when it holds {@code maxEvents}, progress events that a newer event of the same job
 * supersedes are dropped (the control plane would ignore them anyway, it applies only the newest {@code seq});
 * terminal events (completed, failed, cancelled) and the newest event of each job are never dropped, so the buffer
 * can only outgrow its bound by one event per job. Thread-safe; every method blocks on disk I/O.
 */
public final class EventOutbox {

    private static final System.Logger LOG = System.getLogger(EventOutbox.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code <position>-<T|P>-<jobId>.json}: T for a terminal event, P for progress. */
    private static final Pattern NAME = Pattern.compile("(\\d{20})-([TP])-([A-Za-z0-9-]{1,64})\\.json");

    private final Path dir;
    private final int maxEvents;
    private final TreeMap<Long, Entry> entries = new TreeMap<>();
    private long nextPosition;

    private EventOutbox(Path dir, int maxEvents) {
        this.dir = dir;
        this.maxEvents = maxEvents;
    }

    /** Opens the buffer in {@code dir}, picking up the events a previous run left. */
    public static EventOutbox open(Path dir, int maxEvents) throws IOException {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        PrivateFiles.createDirectory(dir);
        EventOutbox outbox = new EventOutbox(dir, maxEvents);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher name = NAME.matcher(file.getFileName().toString());
                if (name.matches()) {
                    long position = Long.parseLong(name.group(1));
                    outbox.entries.put(position, new Entry(file, name.group(3), name.group(2).equals("T")));
                } else {
                    Files.delete(file); // a temporary file of a write the previous run did not finish
                }
            }
        }
        outbox.nextPosition = outbox.entries.isEmpty() ? 0 : outbox.entries.lastKey() + 1;
        if (!outbox.entries.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0} events from the previous run wait in {1}; they are sent first",
                    outbox.entries.size(), dir);
        }
        return outbox;
    }

    /** Appends an event durably; it is on disk when this returns. */
    public synchronized void append(AgentEvent event) throws IOException {
        if (entries.size() >= maxEvents) {
            dropSuperseded(event.jobId());
        }
        long position = nextPosition++;
        boolean terminal = event.state().isTerminal();
        Path file = dir.resolve(String.format("%020d-%s-%s.json", position, terminal ? "T" : "P", event.jobId()));
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(event));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        PrivateFiles.syncDirectory(dir);
        entries.put(position, new Entry(file, event.jobId(), terminal));
        notifyAll();
    }

    /** The oldest events, up to {@code max}, oldest first. */
    public synchronized List<BufferedEvent> oldest(int max) throws IOException {
        List<BufferedEvent> events = new ArrayList<>();
        for (Map.Entry<Long, Entry> entry : entries.entrySet()) {
            if (events.size() == max) {
                break;
            }
            events.add(new BufferedEvent(entry.getKey(),
                    JSON.readValue(Files.readAllBytes(entry.getValue().file()), AgentEvent.class)));
        }
        return events;
    }

    /** Removes acknowledged events; positions already dropped are skipped. */
    public synchronized void remove(List<Long> positions) throws IOException {
        for (long position : positions) {
            Entry entry = entries.remove(position);
            if (entry != null) {
                Files.deleteIfExists(entry.file());
            }
        }
        PrivateFiles.syncDirectory(dir);
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Waits until the buffer holds an event or the timeout passed; true if it holds one. */
    public synchronized boolean awaitEvents(long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (entries.isEmpty()) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Drops every non-terminal event that a newer event of its job (or the one being appended) supersedes. */
    private void dropSuperseded(String appendingJob) throws IOException {
        Set<String> jobsWithNewer = new HashSet<>(Set.of(appendingJob));
        int dropped = 0;
        Iterator<Entry> newestFirst = entries.descendingMap().values().iterator();
        while (newestFirst.hasNext()) {
            Entry entry = newestFirst.next();
            if (!entry.terminal() && !jobsWithNewer.add(entry.jobId())) {
                Files.deleteIfExists(entry.file());
                newestFirst.remove();
                dropped++;
            }
        }
        PrivateFiles.syncDirectory(dir);
        if (entries.size() >= maxEvents) {
            LOG.log(System.Logger.Level.WARNING, "event buffer {0} is full ({1} events, limit {2}) and holds only"
                    + " terminal events and the newest event of each job; keeping them all, Kafka has been"
                    + " unreachable for a long time", dir, entries.size(), maxEvents);
        } else {
            LOG.log(System.Logger.Level.WARNING, "event buffer {0} was full (limit {1}): dropped {2} progress events"
                    + " superseded by newer ones of the same job; terminal events are all kept", dir, maxEvents,
                    dropped);
        }
    }

    private record Entry(Path file, String jobId, boolean terminal) {
    }
}
