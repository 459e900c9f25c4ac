package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.Page;
import io.branchcast.controlplane.api.PageRequest;
import io.branchcast.controlplane.audit.AuditLog;
import io.branchcast.controlplane.security.CurrentActor;
import io.branchcast.controlplane.sites.SiteRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** EnrollmentTokenService creates, lists and revokes enrollment tokens; every change is audited, never with the secret. */
@ApplicationScoped
public class EnrollmentTokenService {

    static final String AUDIT_TYPE = "enrollment-token";

    @Inject
    SiteRepository sites;

    @Inject
    AuditLog audit;

    @Inject
    CurrentActor actor;

    @ConfigProperty(name = "branchcast.public-url")
    String publicUrl;

    @Transactional
    public EnrollmentTokenView create(EnrollmentTokenRequest request) {
        if (sites.findByIdOptional(request.siteId()).isEmpty()) {
            throw ApiException.invalid("site " + request.siteId() + " does not exist");
        }
        String secret = EnrollmentSecret.generate();
        EnrollmentToken token = new EnrollmentToken();
        token.id = UUID.randomUUID();
        token.siteId = request.siteId();
        token.tokenSha256 = EnrollmentSecret.sha256(secret);
        token.labels = request.labels();
        token.createdAt = Instant.now();
        token.expiresAt = token.createdAt.plusSeconds(request.expiresInSeconds());
        token.maxUses = request.maxUses();
        token.createdBy = actor.name();
        token.persist();
        audit.record("enrollment-token.create", AUDIT_TYPE, token.id, null, EnrollmentTokenView.of(token));
        return EnrollmentTokenView.withSecret(token, secret, publicUrl.replaceAll("/+$", ""));
    }

    public Page<EnrollmentTokenView> list(PageRequest paging, UUID siteId) {
        var query = siteId == null
                ? EnrollmentToken.<EnrollmentToken>findAll(Sort.descending("createdAt"))
                : EnrollmentToken.<EnrollmentToken>find("siteId", Sort.descending("createdAt"), siteId);
        List<EnrollmentToken> page = query.page(paging.toPanache()).list();
        return new Page<>(page.stream().map(EnrollmentTokenView::of).toList(), paging.page, paging.size, query.count());
    }

    public EnrollmentTokenView get(UUID id) {
        return EnrollmentTokenView.of(find(id));
    }

    /** Revoking twice is harmless: the first revocation time stays. */
    @Transactional
    public void revoke(UUID id) {
        EnrollmentToken token = find(id);
        if (token.revokedAt != null) {
            return;
        }
        EnrollmentTokenView before = EnrollmentTokenView.of(token);
        token.revokedAt = Instant.now();
        audit.record("enrollment-token.revoke", AUDIT_TYPE, token.id, before, EnrollmentTokenView.of(token));
    }

    private static EnrollmentToken find(UUID id) {
        return EnrollmentToken.<EnrollmentToken>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("enrollment token", id));
    }
}
