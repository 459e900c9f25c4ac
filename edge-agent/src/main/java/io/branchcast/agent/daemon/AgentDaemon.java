package io.branchcast.agent.daemon;

import io.branchcast.agent.config.AgentConfig;
import io.branchcast.agent.enrollment.Credentials;
import io.branchcast.agent.enrollment.CredentialsFile;
import io.branchcast.agent.enrollment.Enrollment;
import io.branchcast.agent.enrollment.EnrollmentClient;
import io.branchcast.agent.enrollment.MachineIds;
import io.branchcast.agent.enrollment.PrivateFiles;
import io.branchcast.agent.identity.AccessTokens;
import io.branchcast.agent.jobs.AgentIdentity;
import io.branchcast.agent.jobs.DesiredStateConsumer;
import io.branchcast.agent.jobs.DesiredStateListener;
import io.branchcast.agent.jobs.JobRecord;
import io.branchcast.agent.jobs.JobRecords;
import io.branchcast.agent.jobs.ManifestClient;
import io.branchcast.agent.jobs.PeerPorts;
import io.branchcast.agent.jobs.PositionFile;
import io.branchcast.agent.jobs.Reconciler;
import io.branchcast.agent.jobs.SwarmTransfers;
import io.branchcast.agent.kafka.KafkaClientSettings;
import io.branchcast.agent.kafka.KafkaConnection;
import io.branchcast.agent.progress.EventOutbox;
import io.branchcast.agent.progress.EventSender;
import io.branchcast.agent.progress.ProgressReporter;
import io.branchcast.agent.progress.SequenceFile;
import io.branchcast.agent.status.StatusServer;
import io.branchcast.contracts.events.JobDesiredState;
import io.branchcast.contracts.manifest.ManifestVerifier;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * AgentDaemon is {@code branchcast-agent run}: it enrolls (first start) or loads the credentials, then runs the
 * desired-state consumer, the reconciler with its swarm transfers, the event outbox and sender, and the status
 * endpoint until the process is asked to stop (SIGTERM), when it stops transfers (keeping their data) and flushes
 * nothing it has not persisted already.
 */
public final class AgentDaemon {

    private static final System.Logger LOG = System.getLogger(AgentDaemon.class.getName());
    /** Events kept on disk while Kafka is unreachable before superseded progress events are dropped. */
    static final int OUTBOX_MAX_EVENTS = 10_000;
    private static final long TICK_MS = 1000;
    private static final Path SYSTEM_MACHINE_ID = Path.of("/etc/machine-id");

    private final AgentConfig config;
    private final String version = AgentVersion.current();

    public AgentDaemon(AgentConfig config) {
        this.config = config;
    }

    /** Runs until SIGTERM/SIGINT; returns the exit code. */
    public int run() throws Exception {
        Handle handle = start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            handle.close();
            stopped.countDown();
        }, "branchcast-agent-stop"));
        stopped.await();
        return 0;
    }

    /** Starts every part of the agent and returns once they run; {@link Handle#close()} stops them. */
    public Handle start() throws Exception {
        Path stateDir = config.stateDir();
        PrivateFiles.createDirectory(stateDir);
        String machineId = MachineIds.resolve(config.machineId(), SYSTEM_MACHINE_ID, stateDir);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setPreferNativeTransport(true));
        WebClientOptions clientOptions = new WebClientOptions().setUserAgent("branchcast-agent/" + version);
        if (config.bindsSpecificAddress()) {
            clientOptions.setLocalAddress(config.bindAddress());
        }
        WebClient web = WebClient.create(vertx, clientOptions);
        Credentials credentials;
        try {
            credentials = new Enrollment(new CredentialsFile(stateDir),
                    new EnrollmentClient(web, config.controlPlaneUrl())).ensure(config, machineId, version);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
        Clock clock = Clock.systemUTC();
        AccessTokens tokens = new AccessTokens(web, credentials.tokenUrl(), credentials.clientId(),
                credentials.clientSecret(), clock);
        KafkaConnection kafka = new KafkaConnection();
        EventOutbox outbox = EventOutbox.open(stateDir.resolve("outbox"), OUTBOX_MAX_EVENTS);
        SequenceFile sequence = SequenceFile.open(stateDir.resolve("event-seq"));
        JobRecords jobRecords = new JobRecords(stateDir.resolve("jobs"));
        Map<String, JobRecord> records = jobRecords.loadAll();
        PrivateFiles.createDirectory(config.dataDir());

        EventSender sender = new EventSender(outbox,
                () -> new KafkaProducer<>(KafkaClientSettings.producer(credentials)), credentials.agentEventsTopic(),
                kafka);
        sender.start();

        Context context = vertx.getOrCreateContext();
        Running running = startOnContext(vertx, context, web, tokens, credentials, kafka, outbox, sequence,
                jobRecords, records, clock).await(1, TimeUnit.MINUTES);
        DesiredStateConsumer consumer = new DesiredStateConsumer(
                () -> new KafkaConsumer<>(KafkaClientSettings.consumer(credentials)), credentials.desiredStateTopic(),
                new PositionFile(stateDir.resolve("desired-state.offset")), kafka, context, running.listener());
        consumer.start();
        LOG.log(System.Logger.Level.INFO, "branchcast-agent {0} running as agent {1}: peers on {2}:{3}, status on"
                + " http://{4}:{5}/status", version, credentials.agentId(), config.bindAddress(),
                Integer.toString(config.peerPort()), config.statusAddress(), Integer.toString(config.statusPort()));

        return new Handle(vertx, context, consumer, sender, running);
    }

    private Future<Running> startOnContext(Vertx vertx, Context context, WebClient web, AccessTokens tokens,
                                           Credentials credentials, KafkaConnection kafka, EventOutbox outbox,
                                           SequenceFile sequence, JobRecords jobRecords, Map<String, JobRecord> records,
                                           Clock clock) {
        return Future.future(promise -> context.runOnContext(v -> {
            ProgressReporter reporter = new ProgressReporter(vertx, credentials.agentId(), outbox, sequence, clock);
            ManifestClient manifests = new ManifestClient(web, tokens::token,
                    ManifestVerifier.ofEncodedKeys(credentials.signingKeys()));
            SwarmTransfers transfers = new SwarmTransfers(vertx, web, manifests, tokens::token,
                    config.controlPlaneUrl().toString(), config.bindAddress(), config.bindsSpecificAddress(),
                    new PeerPorts(config.peerPort()));
            Reconciler reconciler = new Reconciler(vertx, new AgentIdentity(credentials.agentId(),
                    credentials.siteId(), credentials.labels()), config.dataDir(), jobRecords, records, transfers,
                    reporter, clock);
            vertx.setPeriodic(TICK_MS, id -> reconciler.reconcileAll());
            new Heartbeat(vertx, web, tokens::token, config.controlPlaneUrl().toString()).start();
            StatusServer status = new StatusServer(vertx, config.statusAddress(), config.statusPort(),
                    new StatusReport(credentials, version, kafka, outbox, reconciler));
            status.start()
                    .recover(error -> Future.failedFuture(new IllegalStateException("cannot listen for status on "
                            + config.statusAddress() + ":" + config.statusPort() + ": " + error.getMessage()
                            + " (another agent running? set status.port)", error)))
                    .<Running>map(port -> new Running(reconciler, status, port, new DesiredStateListener() {
                        @Override
                        public void caughtUp(Map<String, JobDesiredState> states) {
                            reconciler.applySnapshot(states);
                        }

                        @Override
                        public void changed(String jobId, JobDesiredState state) {
                            reconciler.apply(jobId, state);
                        }
                    }))
                    .onComplete(promise);
        }));
    }

    private record Running(Reconciler reconciler, StatusServer status, int statusPort,
                           DesiredStateListener listener) {
    }

    /** A started agent. */
    public static final class Handle implements AutoCloseable {
        private final Vertx vertx;
        private final Context context;
        private final DesiredStateConsumer consumer;
        private final EventSender sender;
        private final Running running;

        private Handle(Vertx vertx, Context context, DesiredStateConsumer consumer, EventSender sender,
                       Running running) {
            this.vertx = vertx;
            this.context = context;
            this.consumer = consumer;
            this.sender = sender;
            this.running = running;
        }

        /** The status endpoint's port (useful with status.port 0 in tests). */
        public int statusPort() {
            return running.statusPort();
        }

        /** Stops reading jobs, stops transfers (their data stays), stops sending (unsent events stay on disk). */
        @Override
        public void close() {
            LOG.log(System.Logger.Level.INFO, "stopping: transfers stop, their data and unsent events stay for the"
                    + " next start");
            try {
                consumer.close();
                Future.<Void>future(promise -> context.runOnContext(v -> running.reconciler().stopAll()
                        .eventually(running.status()::stop).onComplete(promise))).await(20, TimeUnit.SECONDS);
                sender.close();
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "stopping did not finish cleanly: {0}", e.toString());
            }
        }
    }
}
