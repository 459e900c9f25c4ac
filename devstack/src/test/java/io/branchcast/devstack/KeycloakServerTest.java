package io.branchcast.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakServerTest {

    private final StackInfo stack = SharedStack.get();

    @Test
    void issuesControlPlaneTokensSignedWithTheRealmKey() throws Exception {
        String token = TestTokens.token(stack, Map.of("grant_type", "client_credentials", "client_id", "control-plane",
                "client_secret", StackInfo.CONTROL_PLANE_SECRET)).accessToken();
        String[] parts = token.split("\\.");
        JsonNode header = TestTokens.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.path("alg").asText()).isEqualTo("RS256");

        PublicKey key = signingKey(header.path("kid").asText());
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();

        byte[] tampered = Base64.getUrlDecoder().decode(parts[2]);
        tampered[10] ^= 0x01;
        rs256.initVerify(key);
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(tampered)).isFalse();

        JsonNode claims = TestTokens.claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(stack.realmUrl());
        assertThat(claims.path("azp").asText()).isEqualTo("control-plane");
        assertThat(audiences(claims)).contains("kafka", "control-plane");
    }

    @ParameterizedTest
    @CsvSource({"admin,admin", "operator,operator", "viewer,viewer"})
    void demoUsersSignInWithTheirRole(String user, String role) throws Exception {
        TestTokens.Response response = TestTokens.token(stack, Map.of("grant_type", "password", "client_id", "branchcast-cli",
                "username", user, "password", user, "scope", "openid"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode claims = TestTokens.claims(response.accessToken());
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asText()));
        assertThat(roles).contains(role);
        assertThat(claims.path("preferred_username").asText()).isEqualTo(user);
        assertThat(audiences(claims)).contains("control-plane");
    }

    @Test
    void viewerHoldsNoWriteRole() throws Exception {
        JsonNode claims = TestTokens.claims(TestTokens.token(stack, Map.of("grant_type", "password",
                "client_id", "branchcast-cli", "username", "viewer", "password", "viewer")).accessToken());
        List<String> roles = new ArrayList<>();
        claims.path("roles").forEach(r -> roles.add(r.asText()));
        assertThat(roles).contains("viewer").doesNotContain("operator", "admin", "agent");
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        TestTokens.Response response = TestTokens.token(stack, Map.of("grant_type", "password", "client_id", "branchcast-cli",
                "username", "admin", "password", "not-the-password"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().path("error").asText()).isEqualTo("invalid_grant");
    }

    private PublicKey signingKey(String kid) throws Exception {
        for (JsonNode key : TestTokens.get(stack.jwksUrl()).path("keys")) {
            if (kid.equals(key.path("kid").asText()) && "sig".equals(key.path("use").asText())) {
                BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
                BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            }
        }
        throw new AssertionError("no signing key " + kid + " in the realm JWKS");
    }

    private static List<String> audiences(JsonNode claims) {
        List<String> aud = new ArrayList<>();
        JsonNode node = claims.path("aud");
        if (node.isArray()) {
            node.forEach(a -> aud.add(a.asText()));
        } else {
            aud.add(node.asText());
        }
        return aud;
    }
}
