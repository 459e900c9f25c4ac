package io.branchcast.contracts.events;

/** TargetState is where one agent stands on one job. COMPLETED, FAILED and CANCELLED are terminal. */
public enum TargetState {
    QUEUED,
    DOWNLOADING,
    VERIFYING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
}
