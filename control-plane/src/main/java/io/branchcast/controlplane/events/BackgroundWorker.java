package io.branchcast.controlplane.events;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * BackgroundWorker runs one loop step after another on its own thread until stopped. A failing step is logged with
 * what will happen next and retried with exponential backoff; {@link #wake()} cuts a wait short.
 */
public final class BackgroundWorker {

    /** One unit of work; returns whether there may be more to do at once. */
    @FunctionalInterface
    public interface Step {
        boolean run() throws Exception;
    }

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String name;
    private final Step step;
    private final Duration idleWait;
    private final Logger log;
    private final Semaphore wakeups = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public BackgroundWorker(String name, Duration idleWait, Logger log, Step step) {
        this.name = name;
        this.step = step;
        this.idleWait = idleWait;
        this.log = log;
        this.thread = new Thread(this::loop, "branchcast-" + name);
        this.thread.setDaemon(true);
    }

    public BackgroundWorker start() {
        thread.start();
        return this;
    }

    public void wake() {
        wakeups.release();
    }

    public void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long backoffMs = 500;
        while (running) {
            try {
                boolean more = step.run();
                backoffMs = 500;
                if (!more) {
                    await(idleWait.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warnf("%s failed: %s; retrying in %d ms", name, rootMessage(e), backoffMs);
                try {
                    await(backoffMs);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private void await(long millis) throws InterruptedException {
        if (wakeups.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            wakeups.drainPermits();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
