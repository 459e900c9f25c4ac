package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.artifacts.SigningKey;
import io.branchcast.controlplane.events.KafkaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * EnrollmentService turns an enrollment token into an agent: claim the machine and a token use, give the agent its
 * Keycloak identity and Kafka ACLs, then mark it enrolled. Each step is idempotent, so when Keycloak or Kafka fails in
 * between, the machine's retry with the same token (which spends no further use) finishes the job; until then the
 * agent stays ENROLLING and is never targeted.
 */
@ApplicationScoped
public class EnrollmentService {

    @Inject
    EnrollmentLedger ledger;

    @Inject
    AgentIdentities identities;

    @Inject
    AgentKafkaAcls acls;

    @Inject
    EnrollmentConfig keycloak;

    @Inject
    KafkaConfig kafka;

    @Inject
    SigningKey signingKey;

    @ConfigProperty(name = "branchcast.public-url")
    String publicUrl;

    public Enrollment enroll(EnrollmentRequest request) {
        EnrollmentClaim claim = ledger.claim(request);
        String secret = identities.ensure(claim.principal(), claim.newSecret());
        acls.grant(claim.clientId());
        try {
            ledger.activate(claim);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.AGENT_REVOKED) {
                // revoked while its identity was being set up, which re-enabled it: lock it out again
                identities.disable(claim.clientId());
                acls.revoke(claim.clientId());
            }
            throw e;
        }
        String realmUrl = keycloak.realmUrl().replaceAll("/+$", "");
        return new Enrollment(claim.agentId(), claim.siteId(), claim.labels(), claim.clientId(), secret, realmUrl,
                realmUrl + "/protocol/openid-connect/token", kafka.bootstrapServers(), kafka.jobsDesiredTopic(),
                kafka.agentEventsTopic(), publicUrl.replaceAll("/+$", ""),
                Map.of(signingKey.keyId(), signingKey.publicKeyBase64()));
    }
}
