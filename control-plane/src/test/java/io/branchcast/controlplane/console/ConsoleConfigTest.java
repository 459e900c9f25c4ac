package io.branchcast.controlplane.console;

import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.devstack.SharedStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class ConsoleConfigTest {

    @Test
    void tellsTheConsoleWhereToSignInBeforeAnyoneHas() {
        String keycloak = SharedStack.get().keycloakUrl();
        given().when().get("/api/v1/console-config").then().statusCode(200)
                .body("keycloakUrl", equalTo(keycloak))
                .body("realm", equalTo("branchcast"))
                .body("realmUrl", equalTo(keycloak + "/realms/branchcast"))
                .body("clientId", equalTo("console"))
                .body("version", not(emptyOrNullString()));
    }

    @Test
    void aRealmUrlOutsideKeycloaksLayoutIsRefused() {
        assertThatThrownBy(() -> ConsoleSettings.of("http://kc.example/auth", "console", "1"))
                .hasMessageContaining("<keycloak>/realms/<realm>");
        assertThatThrownBy(() -> ConsoleSettings.of("http://kc.example/realms/", "console", "1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
