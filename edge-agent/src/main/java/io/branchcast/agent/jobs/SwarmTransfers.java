package io.branchcast.agent.jobs;

import io.branchcast.agent.origin.OriginScheduler;
import io.branchcast.agent.origin.TokenBucketOriginScheduler;
import io.branchcast.agent.origin.UnlimitedOriginScheduler;
import io.branchcast.agent.origin.WebSeedFetcher;
import io.branchcast.agent.origin.WebSeedOptions;
import io.branchcast.agent.swarm.SwarmOptions;
import io.branchcast.agent.swarm.SwarmSession;
import io.branchcast.agent.swarm.peers.PeerBanList;
import io.branchcast.agent.swarm.storage.FilePieceStore;
import io.branchcast.agent.swarm.storage.FilePieceStoreOptions;
import io.branchcast.agent.swarm.storage.PieceStore;
import io.branchcast.agent.swarm.storage.SeedTrust;
import io.branchcast.agent.tracker.TrackerClient;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.manifest.Manifest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * SwarmTransfers runs each job as a {@link SwarmSession}: the manifest from the control plane (verified), a
 * {@link FilePieceStore} in the job's directory (resuming partial data), the tracker as peer source, the job's content
 * URL as origin with the agent's token, listening on the bind address and a port of {@link PeerPorts}. A payload that
 * this agent installed is seeded as {@link SeedTrust#TRUSTED}; one found in place without a record of its completion
 * is hash-checked first.
 */
public final class SwarmTransfers implements TransferFactory {

    private final Vertx vertx;
    private final WebClient client;
    private final ManifestClient manifests;
    private final Supplier<Future<String>> bearerToken;
    private final String controlPlaneUrl;
    private final String bindAddress;
    private final boolean bindSpecificAddress;
    private final PeerPorts ports;
    private final PeerBanList bans = new PeerBanList();
    private final FilePieceStoreOptions storeOptions = new FilePieceStoreOptions();

    public SwarmTransfers(Vertx vertx, WebClient client, ManifestClient manifests, Supplier<Future<String>> bearerToken,
                          String controlPlaneUrl, String bindAddress, boolean bindSpecificAddress, PeerPorts ports) {
        this.vertx = vertx;
        this.client = client;
        this.manifests = manifests;
        this.bearerToken = bearerToken;
        this.controlPlaneUrl = controlPlaneUrl;
        this.bindAddress = bindAddress;
        this.bindSpecificAddress = bindSpecificAddress;
        this.ports = ports;
    }

    @Override
    public Future<Transfer> download(JobDesiredState job, JobFiles files) {
        return manifests.fetch(job.manifestUrl()).compose(manifest -> {
            Path target = files.target(manifest.info().name());
            Future<? extends PieceStore> store = Files.exists(target)
                    ? FilePieceStore.openSeed(vertx, manifest, target, SeedTrust.HASH_CHECK, storeOptions)
                    : FilePieceStore.open(vertx, manifest, files.staging(), target, storeOptions);
            return store.recover(error -> Future.failedFuture(SwarmTransfer.classify(error)))
                    .compose(opened -> start(job, manifest, opened, job.startAt()));
        });
    }

    @Override
    public Future<Transfer> seed(JobDesiredState job, JobFiles files, Path file) {
        return manifests.fetch(job.manifestUrl())
                .compose(manifest -> FilePieceStore.openSeed(vertx, manifest, file, SeedTrust.TRUSTED, storeOptions)
                        .compose(store -> start(job, manifest, store, 0)));
    }

    /** Joins the job's swarm; a download requests nothing before {@code startAtMillis} (0: at once). */
    private Future<Transfer> start(JobDesiredState job, Manifest manifest, PieceStore store, long startAtMillis) {
        int port;
        try {
            port = ports.acquire();
        } catch (IllegalStateException e) {
            return store.close().transform(ignored -> Future.failedFuture(e));
        }
        TrackerClient tracker = new TrackerClient(vertx, client, controlPlaneUrl, bearerToken, job.jobId(), port);
        SwarmOptions options = new SwarmOptions().setListenHost(bindAddress).setListenPort(port)
                .setStartAtMillis(Math.max(0, startAtMillis));
        if (bindSpecificAddress) {
            options.setLocalAddress(bindAddress);
        }
        SwarmSession session = SwarmSession.builder(manifest, store)
                .options(options)
                .peerSource(tracker)
                .banList(bans)
                .origin(new WebSeedFetcher(vertx, client, new WebSeedOptions().setUrl(job.contentUrl()),
                        scheduler(job), bearerToken))
                .build();
        return vertx.deployVerticle(session)
                .<Transfer>map(deployment -> new SwarmTransfer(vertx, session, deployment, store, tracker,
                        manifest.info().length(), () -> ports.release(port)))
                .recover(error -> store.close().transform(ignored -> {
                    ports.release(port);
                    return Future.failedFuture(error);
                }));
    }

    private OriginScheduler scheduler(JobDesiredState job) {
        return job.wanCapBytesPerSecond() > 0 ? new TokenBucketOriginScheduler(vertx, job.wanCapBytesPerSecond())
                : new UnlimitedOriginScheduler();
    }
}
