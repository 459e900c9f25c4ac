package io.branchcast.controlplane.enrollment;

import io.branchcast.controlplane.api.ApiException;
import io.branchcast.controlplane.api.ErrorCode;
import io.branchcast.controlplane.security.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * KeycloakAgentIdentities gives every agent a confidential Keycloak client {@code agent-<agentId>} of its own: client
 * credentials only (no browser or password flows), realm role {@code agent} on its service account, audiences
 * {@code kafka} and {@code control-plane}, hard-coded claims {@code agent_id} and {@code site_id}, and a short access
 * token lifespan. It is the devstack realm's {@code demo-agent}, made per agent. The control plane acts through its own
 * client's service account (realm-management manage-clients and manage-users).
 */
@ApplicationScoped
public class KeycloakAgentIdentities implements AgentIdentities {

    private static final Logger LOG = Logger.getLogger(KeycloakAgentIdentities.class);

    @Inject
    EnrollmentConfig config;

    private Keycloak keycloak;

    @PostConstruct
    void start() {
        keycloak = KeycloakBuilder.builder().serverUrl(config.serverUrl()).realm(config.realm())
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(config.clientId()).clientSecret(config.clientSecret()).build();
    }

    @PreDestroy
    void stop() {
        keycloak.close();
    }

    @Override
    public String ensure(AgentPrincipal agent, boolean newSecret) {
        return call("set up the identity of agent " + agent.agentId(), () -> {
            RealmResource realm = keycloak.realm(config.realm());
            ClientResource client = findOrCreate(realm, agent);
            ClientRepresentation current = client.toRepresentation();
            configure(current);
            client.update(current);
            List<ProtocolMapperRepresentation> present = client.getProtocolMappers().getMappers();
            for (ProtocolMapperRepresentation wanted : mappers(agent)) {
                reconcile(client, present, wanted);
            }
            RoleRepresentation role = realm.roles().get(Roles.AGENT).toRepresentation();
            String serviceAccount = client.getServiceAccountUser().getId();
            realm.users().get(serviceAccount).roles().realmLevel().add(List.of(role));
            return newSecret ? client.generateNewSecret().getValue() : client.getSecret().getValue();
        });
    }

    @Override
    public void disable(String clientId) {
        call("disable the identity " + clientId, () -> {
            RealmResource realm = keycloak.realm(config.realm());
            find(realm, clientId).ifPresent(client -> {
                ClientRepresentation current = client.toRepresentation();
                current.setEnabled(false);
                client.update(current);
            });
            return null;
        });
    }

    private ClientResource findOrCreate(RealmResource realm, AgentPrincipal agent) {
        Optional<ClientResource> existing = find(realm, agent.clientId());
        if (existing.isPresent()) {
            return existing.get();
        }
        ClientRepresentation fresh = new ClientRepresentation();
        fresh.setClientId(agent.clientId());
        fresh.setName("Branchcast agent " + agent.agentId());
        configure(fresh);
        fresh.setProtocolMappers(mappers(agent));
        try (Response created = realm.clients().create(fresh)) {
            // 409: a concurrent retry created it first, which is just as good
            if (created.getStatus() != 201 && created.getStatus() != 409) {
                throw new WebApplicationException("creating client " + agent.clientId() + " answered " + created.getStatus(), created.getStatus());
            }
        }
        return find(realm, agent.clientId()).orElseThrow(() ->
                new IllegalStateException("client " + agent.clientId() + " is missing right after its creation"));
    }

    private static Optional<ClientResource> find(RealmResource realm, String clientId) {
        return realm.clients().findByClientId(clientId).stream().findFirst().map(c -> realm.clients().get(c.getId()));
    }

    private void configure(ClientRepresentation client) {
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setBearerOnly(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        Map<String, String> attributes = new HashMap<>(client.getAttributes() == null ? Map.of() : client.getAttributes());
        attributes.put("access.token.lifespan", String.valueOf(config.agentTokenLifespan().toSeconds()));
        attributes.put("oauth2.device.authorization.grant.enabled", "false");
        attributes.put("oidc.ciba.grant.enabled", "false");
        client.setAttributes(attributes);
    }

    private static List<ProtocolMapperRepresentation> mappers(AgentPrincipal agent) {
        return List.of(
                mapper("realm roles", "oidc-usermodel-realm-role-mapper",
                        Map.of("claim.name", "roles", "multivalued", "true", "jsonType.label", "String")),
                mapper("audience kafka", "oidc-audience-mapper", Map.of("included.custom.audience", "kafka")),
                mapper("audience control-plane", "oidc-audience-mapper", Map.of("included.custom.audience", "control-plane")),
                mapper("agent_id", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "agent_id",
                        "claim.value", agent.agentId().toString(), "jsonType.label", "String")),
                mapper("site_id", "oidc-hardcoded-claim-mapper", Map.of("claim.name", "site_id",
                        "claim.value", agent.siteId().toString(), "jsonType.label", "String")));
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.put("access.token.claim", "true");
        config.put("introspection.token.claim", "true");
        config.put("id.token.claim", "false");
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        mapper.setConfig(config);
        return mapper;
    }

    /** Adds the mapper, or rewrites it when its settings differ (a moved agent's site_id). */
    private static void reconcile(ClientResource client, List<ProtocolMapperRepresentation> mappersPresent,
                                  ProtocolMapperRepresentation wanted) {
        var mappers = client.getProtocolMappers();
        Optional<ProtocolMapperRepresentation> present = mappersPresent.stream()
                .filter(m -> m.getName().equals(wanted.getName())).findFirst();
        if (present.isEmpty()) {
            try (Response created = mappers.createMapper(wanted)) {
                if (created.getStatus() != 201 && created.getStatus() != 409) {
                    throw new WebApplicationException("adding mapper " + wanted.getName() + " answered " + created.getStatus(), created.getStatus());
                }
            }
        } else if (!present.get().getConfig().equals(wanted.getConfig())
                || !present.get().getProtocolMapper().equals(wanted.getProtocolMapper())) {
            wanted.setId(present.get().getId());
            mappers.update(present.get().getId(), wanted);
        }
    }

    private static <T> T call(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (WebApplicationException e) {
            LOG.warnf("Keycloak refused to %s: HTTP %d %s", what, e.getResponse().getStatus(), e.getMessage());
            throw unavailable(what, "it answered HTTP " + e.getResponse().getStatus());
        } catch (ProcessingException e) {
            LOG.warnf(e, "Keycloak is unreachable, could not %s", what);
            throw unavailable(what, "it is unreachable");
        }
    }

    private static ApiException unavailable(String what, String why) {
        return new ApiException(ErrorCode.UNAVAILABLE, "Keycloak could not " + what + " (" + why
                + "); retry later, repeating it is safe");
    }
}
