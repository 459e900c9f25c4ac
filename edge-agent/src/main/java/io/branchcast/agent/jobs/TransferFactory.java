package io.branchcast.agent.jobs;

import io.branchcast.contracts.events.JobDesiredState;
import io.vertx.core.Future;

import java.nio.file.Path;

/** TransferFactory starts transfers for the {@link Reconciler}; the real one runs a swarm session per job. */
public interface TransferFactory {

    /** Fetches and verifies the job's manifest and starts (or resumes) its download into {@code files}. */
    Future<Transfer> download(JobDesiredState job, JobFiles files);

    /** Starts seeding the job's installed {@code file}. */
    Future<Transfer> seed(JobDesiredState job, JobFiles files, Path file);
}
