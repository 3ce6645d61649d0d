package dev.tradewind.identity;

import dev.tradewind.infra.LoopbackClient;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Guessing passwords is slowed per email and per client address, and an unknown email looks like a known one")
class LoginThrottlingIT extends PlatformStory {
  private static final int MAX_FAILURES = 5;


  @Test
  @DisplayName("five wrong passwords lock the email: the right password is then 429 with Retry-After, and the lock is audited")
  void lockout() {
    String email = "target-" + UUID.randomUUID() + "@example.com";
    users.register(email);
    for (int i = 1; i < MAX_FAILURES; i++) {
      assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
    }
    Response locking = login(email, "wrong password 5");
    assertThat(locking.status()).isEqualTo(429);
    Response locked = login(email, TestUsers.PASSWORD);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.contentType()).isEqualTo("application/problem+json");
    assertThat(Long.parseLong(locked.header("retry-after"))).isBetween(1L, 900L);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'auth.login.failed' "
      + "AND (details->>'lockedOut')::boolean").get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("an unknown email is locked after the same number of failures, so lockout reveals no account")
  void unknownEmailLocksTheSame() {
    String known = "known-" + UUID.randomUUID() + "@example.com";
    String unknown = "unknown-" + UUID.randomUUID() + "@example.com";
    users.register(known);
    for (int i = 1; i <= MAX_FAILURES + 1; i++) {
      Response a = login(known, "wrong password " + i);
      Response b = login(unknown, "wrong password " + i);
      assertThat(a.status()).as("attempt " + i).isEqualTo(b.status());
      assertThat(a.json().getString("detail")).isEqualTo(b.json().getString("detail"));
    }
  }

  @Test
  @DisplayName("twenty guesses sent at once still get at most five password checks")
  void parallelGuessesCannotOutrunTheLimit() {
    String email = "raced-" + UUID.randomUUID() + "@example.com";
    users.register(email);
    List<CompletableFuture<Response>> guesses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      guesses.add(http.postJsonAsync("/api/v1/auth/login", new JsonObject().put("email", email).put("password", "guess " + i)));
    }
    List<Integer> statuses = guesses.stream().map(CompletableFuture::join).map(Response::status).toList();
    assertThat(statuses).filteredOn(status -> status == 401).hasSizeLessThanOrEqualTo(MAX_FAILURES);
    assertThat(statuses).filteredOn(status -> status == 429).hasSizeGreaterThanOrEqualTo(20 - MAX_FAILURES);
    assertThat(platform.query("SELECT count(*) FROM identity.audit_entries WHERE action = 'auth.login.failed'")
      .get(0).getLong(0)).as("password checks that failed").isLessThanOrEqualTo(MAX_FAILURES);
  }

  @Test
  @DisplayName("a success before the limit resets the count")
  void successResets() {
    String email = "forgetful-" + UUID.randomUUID() + "@example.com";
    users.register(email);
    for (int i = 1; i < MAX_FAILURES; i++) {
      login(email, "wrong password " + i);
    }
    assertThat(login(email, TestUsers.PASSWORD).status()).isEqualTo(200);
    assertThat(login(email, "wrong again").status()).isEqualTo(401);
  }

  @Test
  @DisplayName("one client address spraying many emails is cut off at its per-minute limit with 429 and Retry-After")
  void perAddressLimit() {
    int port = platform.config().getJsonObject("http").getInteger("port");
    int byAddress = 0;
    String last = null;
    for (int i = 0; i <= TestPlatform.LOGIN_ATTEMPTS_PER_ADDRESS; i++) {
      last = loginFrom("127.0.0.3", port, "spray-" + (i % 4) + "@example.com");
      if (last.contains("from your address")) {
        byAddress++;
      }
    }
    assertThat(byAddress).as("only the attempt beyond the limit is cut off by the address limit").isEqualTo(1);
    assertThat(last).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after:");
    assertThat(login("someone-else-" + UUID.randomUUID() + "@example.com", "whatever password").status())
      .as("other addresses are unaffected").isEqualTo(401);
  }

  private static Response login(String email, String password) {
    return http.postJson("/api/v1/auth/login", new JsonObject().put("email", email).put("password", password));
  }

  private static String loginFrom(String source, int port, String email) {
    String body = new JsonObject().put("email", email).put("password", "spraying passwords").encode();
    return LoopbackClient.send(source, port, "POST", "/api/v1/auth/login", "Content-Type: application/json\r\n", body);
  }
}
