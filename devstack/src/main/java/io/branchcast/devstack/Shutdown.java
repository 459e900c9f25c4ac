package io.branchcast.devstack;

/**
 * Shutdown tells whether this JVM is shutting down. On Ctrl-C the terminal signals every process of the group, so the
 * servers exit at the same time as the launcher; such exits are not crashes and must not be reported as ones.
 */
final class Shutdown {

    private Shutdown() {
    }

    static boolean inProgress() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
