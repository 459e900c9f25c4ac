package io.branchcast.devstack;

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
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ControlPlaneApi is a small admin client of the control plane's REST API for {@code bin/run} and the system tests:
 * it signs a demo user in at Keycloak (password grant of the demo-only {@code branchcast-cli} client) and sends JSON.
 * Any answer other than 2xx becomes a {@link StackException} carrying the problem's detail.
 */
public final class ControlPlaneApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String accessToken;

    private ControlPlaneApi(String baseUrl, String accessToken) {
        this.baseUrl = baseUrl;
        this.accessToken = accessToken;
    }

    public static ControlPlaneApi signIn(String baseUrl, StackInfo stack, String user, String password) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String form = form(Map.of("grant_type", "password", "client_id", "branchcast-cli", "username", user,
                "password", password));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.tokenUrl())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonNode token = send(http, request, "sign in as " + user);
        return new ControlPlaneApi(baseUrl, token.path("access_token").asText());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return send(http, request(path).GET().build(), "GET " + path);
    }

    public JsonNode post(String path, Object body) {
        return send(http, request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(toJson(body))).build(), "POST " + path);
    }

    public JsonNode postEmpty(String path) {
        return send(http, request(path).POST(HttpRequest.BodyPublishers.noBody()).build(), "POST " + path);
    }

    public void delete(String path) {
        send(http, request(path).DELETE().build(), "DELETE " + path);
    }

    /** Uploads a file as a new artifact and returns the artifact. */
    public JsonNode upload(Path file, String name, String version) {
        try {
            String query = form(Map.of("name", name, "version", version));
            return send(http, request("/api/v1/artifacts?" + query).header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), "upload " + file);
        } catch (IOException e) {
            throw new StackException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", "application/json");
    }

    private static JsonNode send(HttpClient http, HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new StackException(what + " failed with HTTP " + response.statusCode() + ": " + detail(response.body()));
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StackException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException(what + " was interrupted");
        }
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.hasNonNull("detail") ? problem.get("detail").asText() : body;
        } catch (IOException notJson) {
            return body.length() > 200 ? body.substring(0, 200) + "…" : body;
        }
    }

    private static String toJson(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new StackException("cannot encode a request body: " + e.getMessage(), e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
