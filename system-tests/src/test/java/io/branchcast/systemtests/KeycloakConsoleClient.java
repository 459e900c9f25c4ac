package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.branchcast.devstack.StackInfo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * KeycloakConsoleClient lets the demo realm's {@code console} client sign users in from the sandbox's control plane,
 * whose port is chosen at random (the realm file knows only bin/run's 8080): it adds the redirect URI and web origin
 * through Keycloak's admin API, as the master realm's bootstrap admin.
 */
final class KeycloakConsoleClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakConsoleClient() {
    }

    static void allowOrigin(StackInfo stack, String baseUrl) throws IOException, InterruptedException {
        String admin = stack.keycloakUrl() + "/admin/realms/" + stack.realm() + "/clients";
        String token = masterToken(stack);
        JsonNode client = send(HttpRequest.newBuilder(URI.create(admin + "?clientId=console"))
                .header("Authorization", "Bearer " + token).GET().build()).get(0);
        ObjectNode update = (ObjectNode) client;
        ((ArrayNode) update.withArray("redirectUris")).add(baseUrl + "/*");
        ((ArrayNode) update.withArray("webOrigins")).add(baseUrl);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(admin + "/" + client.path("id").asText()))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(update))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak refused the console client update: " + response.body());
        }
    }

    private static String masterToken(StackInfo stack) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(stack.keycloakUrl() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .build()).path("access_token").asText();
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
