package io.branchcast.agent.enrollment;

import io.branchcast.agent.config.AgentConfig;
import io.branchcast.agent.config.ConfigException;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Enrollment gives the daemon its credentials: the stored ones when the agent enrolled before (the token is not
 * needed again), otherwise it enrolls with the configured token, retrying while the control plane is unreachable or
 * throttles (after its Retry-After at the least), and stores the answer. A refusal ends the attempt with
 * {@link EnrollmentRefusedException}.
 */
public final class Enrollment {

    private static final System.Logger LOG = System.getLogger(Enrollment.class.getName());
    private static final long MAX_BACKOFF_S = 60;

    private final CredentialsFile file;
    private final EnrollmentClient client;

    public Enrollment(CredentialsFile file, EnrollmentClient client) {
        this.file = file;
        this.client = client;
    }

    /** Blocks until the agent has credentials; call it off the event loop. */
    public Credentials ensure(AgentConfig config, String machineId, String agentVersion) throws IOException,
            InterruptedException {
        Credentials stored = file.read().orElse(null);
        if (stored != null) {
            LOG.log(System.Logger.Level.INFO, "enrolled as agent {0} (client {1}); {2}", stored.agentId(),
                    stored.clientId(), config.enrollmentToken() == null ? "using " + file.path()
                            : "enrollment.token is no longer needed and is ignored");
            return stored;
        }
        if (config.enrollmentToken() == null) {
            throw new ConfigException("the agent is not enrolled yet (no " + file.path() + "): set enrollment.token"
                    + " to a token from the control plane (POST /api/v1/enrollment-tokens)");
        }
        EnrollmentRequest request = new EnrollmentRequest(config.enrollmentToken(), machineId, config.hostname(),
                agentVersion);
        long backoffS = 2;
        while (true) {
            try {
                Credentials credentials = client.enroll(request).await(2, TimeUnit.MINUTES);
                file.write(credentials);
                LOG.log(System.Logger.Level.INFO, "enrolled as agent {0} of site {1}; credentials stored in {2}",
                        credentials.agentId(), credentials.siteId(), file.path());
                return credentials;
            } catch (EnrollmentRefusedException refused) {
                throw refused;
            } catch (Exception e) {
                if (e instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                long waitS = e instanceof EnrollmentThrottledException throttled
                        ? Math.max(backoffS, throttled.retryAfterSeconds()) : backoffS;
                LOG.log(System.Logger.Level.WARNING, "enrollment at {0} failed: {1}; retrying in {2} s",
                        config.controlPlaneUrl(), e.getMessage(), waitS);
                TimeUnit.SECONDS.sleep(waitS);
                backoffS = Math.min(MAX_BACKOFF_S, backoffS * 2);
            }
        }
    }
}
