package io.branchcast.controlplane.support;

import io.branchcast.devstack.SharedStack;
import io.branchcast.devstack.StackInfo;
import io.restassured.RestAssured;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Tokens signs in the demo users at the real Keycloak (password grant of the demo-only CLI client) and caches the tokens. */
public final class Tokens {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String admin() {
        return of("admin");
    }

    public static String operator() {
        return of("operator");
    }

    public static String viewer() {
        return of("viewer");
    }

    public static String of(String user) {
        return CACHE.computeIfAbsent(user, Tokens::signIn);
    }

    public static String clientCredentials(String clientId, String secret) {
        StackInfo stack = SharedStack.get();
        return RestAssured.given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                        "client_secret", secret))
                .post(stack.tokenUrl()).then().statusCode(200).extract().path("access_token");
    }

    private static String signIn(String user) {
        StackInfo stack = SharedStack.get();
        return RestAssured.given().formParams(Map.of("grant_type", "password", "client_id", "branchcast-cli",
                        "username", user, "password", user))
                .post(stack.tokenUrl()).then().statusCode(200).extract().path("access_token");
    }
}
