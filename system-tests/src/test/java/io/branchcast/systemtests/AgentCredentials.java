package io.branchcast.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** AgentCredentials is what an agent stored at enrollment, read back to act as that agent from the test. */
record AgentCredentials(String agentId, String clientId, String clientSecret, String tokenUrl) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static AgentCredentials of(Workstation workstation) throws IOException {
        JsonNode json = new ObjectMapper().readTree(Path.of(workstation.stateDir().toString(), "credentials.json").toFile());
        return new AgentCredentials(json.path("agentId").asText(), json.path("clientId").asText(),
                json.path("clientSecret").asText(), json.path("tokenUrl").asText());
    }

    /** The client-credentials grant at Keycloak: the HTTP status and body. */
    HttpResponse<String> requestToken() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String accessToken() throws IOException, InterruptedException {
        HttpResponse<String> response = requestToken();
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused " + clientId + ": " + response.body());
        }
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }

    /** GET on the control plane with this agent's bearer token; returns the HTTP status. */
    static int get(String url, String accessToken) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken)
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
