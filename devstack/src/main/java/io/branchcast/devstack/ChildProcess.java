package io.branchcast.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * ChildProcess is a server the stack started as an operating-system process, with its output in a log file. It
 * reports an exit that nobody asked for, and stops the whole process tree (kc.sh forks the real JVM) on request.
 */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path logFile;
    /** Set before a requested stop, so that the exit it causes is not reported as a crash. */
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env, Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(env);
            return new ChildProcess(name, builder.start(), logFile);
        } catch (IOException e) {
            throw new StackException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /** Calls {@code onCrash} with a one-line description when the process exits without a requested stop. */
    public ChildProcess onCrash(Consumer<String> onCrash) {
        process.onExit().thenAccept(p -> {
            if (!stopping && !Shutdown.inProgress()) {
                onCrash.accept(name + " (pid " + p.pid() + ") exited unexpectedly with code " + p.exitValue()
                        + "; its log: " + logFile);
            }
        });
        return this;
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /** Waits for a short-lived tool to finish and fails with its last log lines when it does not exit with 0. */
    public void awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(Duration.ofSeconds(5));
                throw new StackException(name + " did not finish within " + timeout.toSeconds() + " s; its log: " + logFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ofSeconds(5));
            throw new StackException(name + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new StackException(name + " failed with code " + process.exitValue() + ": " + lastLine() + " (log: " + logFile + ")");
        }
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to what is left after the grace period. */
    public void stop(Duration grace) {
        stopping = true;
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : concat(process.toHandle(), tree)) {
            long left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (Exception timeoutOrInterrupt) {
                handle.destroyForcibly();
            }
        }
    }

    /** SIGKILL to the process and its descendants, as a power cut would; not reported as a crash. */
    public void kill() {
        stopping = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new StackException(name + " did not exit within " + timeout.toSeconds() + " s; its log: " + logFile);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for " + name + " to exit");
        }
    }

    /** The last non-blank line of the log, for one-line error messages. */
    public String lastLine() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) {
                    return lines.get(i).strip();
                }
            }
        } catch (IOException | java.io.UncheckedIOException ignored) {
            // the log is only used to enrich the message
        }
        return "(no output)";
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> rest) {
        var all = new java.util.ArrayList<ProcessHandle>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
