package io.branchcast.controlplane.support;

import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KeycloakClients creates confidential clients of the branchcast realm through the real admin API (as the master
 * realm's admin): a service account with one realm role, the audience and roles claims the control plane expects.
 */
public final class KeycloakClients {

    private KeycloakClients() {
    }

    /** A client whose tokens carry {@code role}; {@code tokenLifespanSeconds} 0 keeps the realm's lifespan. */
    public static void create(String clientId, String secret, String role, int tokenLifespanSeconds) {
        String admin = adminToken();
        String api = adminApi();
        Map<String, Object> client = new HashMap<>(Map.of("clientId", clientId, "secret", secret, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "protocolMappers", List.of(
                        Map.of("name", "aud", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.custom.audience", "control-plane", "access.token.claim", "true")),
                        Map.of("name", "roles", "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-realm-role-mapper",
                                "config", Map.of("claim.name", "roles", "multivalued", "true", "access.token.claim", "true")))));
        if (tokenLifespanSeconds > 0) {
            client.put("attributes", Map.of("access.token.lifespan", String.valueOf(tokenLifespanSeconds)));
        }
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(client)
                .post(api + "/clients").then().statusCode(201);
        String serviceUser = RestAssured.given().auth().oauth2(admin)
                .get(api + "/clients/" + internalId(admin, clientId) + "/service-account-user").then().extract().path("id");
        Map<String, Object> realmRole = RestAssured.given().auth().oauth2(admin).get(api + "/roles/" + role).then().extract().as(Map.class);
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(realmRole))
                .post(api + "/users/" + serviceUser + "/role-mappings/realm").then().statusCode(204);
    }

    public static void delete(String clientId) {
        String admin = adminToken();
        RestAssured.given().auth().oauth2(admin).delete(adminApi() + "/clients/" + internalId(admin, clientId))
                .then().statusCode(204);
    }

    private static String internalId(String admin, String clientId) {
        return RestAssured.given().auth().oauth2(admin).queryParam("clientId", clientId)
                .get(adminApi() + "/clients").then().extract().path("[0].id");
    }

    private static String adminApi() {
        StackInfo stack = SharedStack.get();
        return stack.keycloakUrl() + "/admin/realms/" + stack.realm();
    }

    private static String adminToken() {
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin"))
                .post(SharedStack.get().keycloakUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
