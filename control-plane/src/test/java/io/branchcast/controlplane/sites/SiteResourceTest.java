package io.branchcast.controlplane.sites;

import io.branchcast.controlplane.support.StackTestResource;
import io.branchcast.controlplane.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, restrictToAnnotatedClass = false)
class SiteResourceTest {

    private static Map<String, Object> site(String name, String... subnets) {
        return Map.of("name", name, "subnets", subnets, "wanBudgetBytesPerSecond", 2_500_000);
    }

    @Test
    void adminCreatesReadsUpdatesAndDeletesASite() {
        String id = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(site("Lyon", "10.61.0.0/16"))
                .when().post("/api/v1/sites")
                .then().statusCode(201).header("Location", containsString("/api/v1/sites/"))
                .body("name", equalTo("Lyon")).body("subnets", hasItem("10.61.0.0/16"))
                .extract().path("id");

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sites/" + id)
                .then().statusCode(200).body("wanBudgetBytesPerSecond", equalTo(2_500_000));

        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Lyon", "subnets", new String[]{"10.61.0.0/16", "10.62.0.0/24"},
                        "wanBudgetBytesPerSecond", 5_000_000,
                        "transferWindows", new Object[]{Map.of("days", new String[]{"MONDAY", "TUESDAY"}, "start", "19:00", "end", "06:00")}))
                .when().put("/api/v1/sites/" + id)
                .then().statusCode(200).body("subnets.size()", equalTo(2)).body("transferWindows[0].start", equalTo("19:00:00"));

        given().auth().oauth2(Tokens.admin()).when().delete("/api/v1/sites/" + id).then().statusCode(204);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/sites/" + id)
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
    }

    @Test
    void refusesOverlappingSubnetsAcrossSites() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(site("Porto", "10.70.0.0/16"))
                .when().post("/api/v1/sites").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(site("Braga", "10.70.128.0/17"))
                .when().post("/api/v1/sites")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("overlaps 10.70.0.0/16 of site 'Porto'"));
    }

    @Test
    void explainsAnInvalidCidr() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(site("Nice", "10.80.1.7/16"))
                .when().post("/api/v1/sites")
                .then().statusCode(422).body("detail", containsString("did you mean 10.80.0.0/16"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(site("Nice", "example.com/24"))
                .when().post("/api/v1/sites")
                .then().statusCode(422).body("code", equalTo("invalid"));
    }

    @Test
    void refusesAbsurdOrNegativeBudgetsFieldByField() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Gent", "subnets", new String[]{"10.90.0.0/16"}, "wanBudgetBytesPerSecond", -5))
                .when().post("/api/v1/sites")
                .then().statusCode(422).body("errors.field", hasItem("wanBudgetBytesPerSecond"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "Gent", "subnets", new String[]{"10.90.0.0/16"}, "wanBudgetBytesPerSecond", 99_000_000_000L))
                .when().post("/api/v1/sites")
                .then().statusCode(422).body("errors[0].message", containsString("100 Gbit/s"));
    }

    @Test
    void answersJsonThatIsNotJsonWithAProblem() {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/api/v1/sites")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed"));
    }

    @Test
    void viewerMayReadButNotWrite() {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sites").then().statusCode(200);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(site("Bern", "10.99.0.0/16"))
                .when().post("/api/v1/sites").then().statusCode(403).body("code", equalTo("forbidden"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(site("Bern", "10.99.0.0/16"))
                .when().post("/api/v1/sites").then().statusCode(403);
    }

    @Test
    void refusesRequestsWithoutAValidToken() {
        given().when().get("/api/v1/sites").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").when().get("/api/v1/sites")
                .then().statusCode(401);
    }
}
