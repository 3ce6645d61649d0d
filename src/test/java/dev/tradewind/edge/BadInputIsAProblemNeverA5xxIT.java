package dev.tradewind.edge;

import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Bad input is answered with a problem document, never a 5xx")
class BadInputIsAProblemNeverA5xxIT {
  private static final String REGISTER = "/api/v1/auth/register";
  private static Http http;

  @BeforeAll
  static void platform() {
    http = TestPlatform.get().http();
  }

  @Test
  @DisplayName("a body that is not JSON is 400 malformed-json")
  void malformedJson() {
    Response r = http.post(REGISTER, "application/json", "{\"email\": ");
    assertProblem(r, 400, "malformed-json");
  }

  @Test
  @DisplayName("a body in a media type the operation does not take is 415")
  void wrongContentType() {
    Response r = http.post(REGISTER, "text/plain", "email=a@b.co");
    assertProblem(r, 415, "unsupported-media-type");
    assertThat(r.json().getString("detail")).contains("application/json");
  }

  @Test
  @DisplayName("a body larger than the limit is 413")
  void oversizedBody() {
    String big = "{\"email\":\"" + "a".repeat(1_100_000) + "\"}";
    Response r = http.post(REGISTER, "application/json", big);
    assertProblem(r, 413, "payload-too-large");
  }

  @Test
  @DisplayName("a field of the wrong type is 400 naming the field and the rule")
  void wrongTypeInAField() {
    Response r = http.postJson(REGISTER, validRegistration().put("country", 12));
    assertProblem(r, 400, "validation");
    assertThat(fields(r)).contains("country");
    assertThat(rules(r)).contains("type");
  }

  @Test
  @DisplayName("a missing required field is 400 naming it")
  void missingField() {
    JsonObject body = validRegistration();
    body.remove("password");
    Response r = http.postJson(REGISTER, body);
    assertProblem(r, 400, "validation");
    assertThat(fields(r)).contains("password");
  }

  @Test
  @DisplayName("a field the contract does not know (mass assignment of roles) is refused, not ignored")
  void unknownField() {
    Response r = http.postJson(REGISTER, validRegistration().put("roles", new JsonArray().add("ADMIN")));
    assertProblem(r, 400, "validation");
    assertThat(fields(r)).contains("roles");
  }

  @Test
  @DisplayName("an array where an object is expected is 400")
  void arrayInsteadOfObject() {
    assertProblem(http.post(REGISTER, "application/json", "[1, 2]"), 400, "validation");
  }

  @Test
  @DisplayName("a required body that is missing is 400")
  void missingBody() {
    assertProblem(http.send("POST", REGISTER, "application/json", null), 400, "validation");
  }

  @Test
  @DisplayName("an unknown route is 404")
  void unknownRoute() {
    Response r = http.get("/api/v1/no-such-thing");
    assertProblem(r, 404, "not-found");
  }

  @Test
  @DisplayName("a known route with the wrong method is 405 with Allow")
  void wrongMethod() {
    Response r = http.send("DELETE", REGISTER, null, null);
    assertProblem(r, 405, "method-not-allowed");
    assertThat(r.header("allow")).isEqualTo("POST");
  }

  @Test
  @DisplayName("the client's request id is echoed in the header and the problem")
  void requestIdIsEchoed() {
    Response r = http.post(REGISTER, "application/json", "nope", "X-Request-Id", "client-req-42");
    assertThat(r.header("x-request-id")).isEqualTo("client-req-42");
    assertThat(r.json().getString("requestId")).isEqualTo("client-req-42");
  }

  @Test
  @DisplayName("an unsafe request id is replaced, so it cannot forge log lines")
  void unsafeRequestIdIsReplaced() {
    Response r = http.get("/api/v1/nothing", "X-Request-Id", "bad id\tinjected");
    assertThat(r.header("x-request-id")).isNotEqualTo("bad id\tinjected").matches("[0-9a-f-]{36}");
  }

  static JsonObject validRegistration() {
    return new JsonObject().put("email", "someone@example.com").put("password", "a long enough passphrase")
      .put("name", "Someone").put("country", "DE");
  }

  static void assertProblem(Response r, int status, String slug) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonObject problem = r.json();
    assertThat(problem.getString("type")).isEqualTo("urn:tradewind:problem:" + slug);
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("requestId")).isEqualTo(r.header("x-request-id")).isNotBlank();
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  private static List<String> fields(Response r) {
    return r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")).toList();
  }

  private static List<String> rules(Response r) {
    return r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("rule")).toList();
  }
}
