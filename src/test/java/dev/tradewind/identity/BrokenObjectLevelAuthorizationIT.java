package dev.tradewind.identity;

import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.infra.TestUsers;
import dev.tradewind.infra.TestUsers.Session;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every object endpoint that exists, another buyer's and another merchant's token are answered 404 with
 * no data, exactly as for an id that does not exist; staff-only operations are 403 for everyone else.
 */
@DisplayName("Nobody reaches another person's or another merchant's objects")
class BrokenObjectLevelAuthorizationIT {
  private static Http http;
  private static Session alice;
  private static Session bob;
  private static Session ownerA;
  private static Session ownerB;
  private static Session editorA;
  private static String aliceAddress;
  private static String merchantA;

  @BeforeAll
  static void start() {
    TestPlatform platform = TestPlatform.get();
    http = platform.http();
    TestUsers users = new TestUsers(platform);
    Session admin = users.admin();
    alice = users.buyer("alice");
    bob = users.buyer("bob");
    ownerA = users.merchantOwner("merchant-a", admin);
    ownerB = users.merchantOwner("merchant-b", admin);
    editorA = users.staff(ownerA, "CATALOG_EDITOR");
    merchantA = ownerA.claims().getString("mid");
    Response added = http.postJson("/api/v1/me/addresses", address(), alice.bearer());
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    aliceAddress = added.json().getString("id");
  }

  @Test
  @DisplayName("another buyer's address: read, replace and delete are 404 and reveal nothing; the owner still has it")
  void addresses() {
    String path = "/api/v1/me/addresses/" + aliceAddress;
    for (Session intruder : List.of(bob, ownerB)) {
      assertNotFound(http.get(path, intruder.bearer()));
      assertNotFound(http.send("PUT", path, "application/json", address().put("line1", "Hijacked 1").encode(), intruder.bearer()));
      assertNotFound(http.send("DELETE", path, null, null, intruder.bearer()));
      assertThat(http.get("/api/v1/me/addresses", intruder.bearer()).json().getJsonArray("items")).isEmpty();
    }
    Response own = http.get(path, alice.bearer());
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().getString("line1")).isEqualTo("Friedrichstraße 68");
    assertNotFound(http.get("/api/v1/me/addresses/00000000-0000-4000-8000-000000000000", alice.bearer()));
  }

  @Test
  @DisplayName("another merchant's organisation, staff list, invitations and staff roles are 404 for its competitor and for buyers")
  void merchants() {
    String base = "/api/v1/merchants/" + merchantA;
    for (Session intruder : List.of(ownerB, bob)) {
      assertNotFound(http.get(base, intruder.bearer()));
    }
    assertNotFound(http.get(base + "/staff", ownerB.bearer()));
    assertNotFound(http.postJson(base + "/invitations", new JsonObject().put("email", "spy@example.com")
      .put("role", "MERCHANT_ADMIN"), ownerB.bearer()));
    assertNotFound(http.send("PUT", base + "/staff/" + editorA.userId(), "application/json",
      new JsonObject().put("role", "MERCHANT_ADMIN").encode(), ownerB.bearer()));
    assertNotFound(http.send("DELETE", base + "/staff/" + editorA.userId(), null, null, ownerB.bearer()));
    assertThat(http.get(base, editorA.bearer()).status()).isEqualTo(200);
    assertThat(http.get(base + "/staff", editorA.bearer()).json().getJsonArray("items")).hasSize(2);
  }

  @Test
  @DisplayName("buyers and merchants are 403 on every admin operation; anonymous callers are 401")
  void adminOperations() {
    List<String[]> admin = List.of(
      new String[]{"GET", "/api/v1/admin/merchants"},
      new String[]{"POST", "/api/v1/admin/merchants/" + merchantA + "/approve"},
      new String[]{"POST", "/api/v1/admin/users/" + alice.userId() + "/deactivate"},
      new String[]{"GET", "/api/v1/admin/audit"},
      new String[]{"GET", "/api/v1/admin/audit/verification"},
      new String[]{"POST", "/api/v1/admin/signing-keys/rotate"});
    for (String[] op : admin) {
      for (Session caller : List.of(alice, ownerA, editorA)) {
        Response r = http.send(op[0], op[1], null, null, caller.bearer());
        assertThat(r.status()).as(op[0] + " " + op[1]).isEqualTo(403);
        assertThat(r.body()).doesNotContain(alice.email());
      }
      assertThat(http.send(op[0], op[1], null, null).status()).as("anonymous " + op[1]).isEqualTo(401);
    }
  }

  private static void assertNotFound(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(404);
    assertThat(r.json().getString("type")).isEqualTo("urn:tradewind:problem:not-found");
    assertThat(r.body()).doesNotContain("Friedrich").doesNotContain(alice.email()).doesNotContain("merchant-a");
  }

  static JsonObject address() {
    return new JsonObject().put("label", "Home").put("recipient", "Alice Example").put("line1", "Friedrichstraße 68")
      .put("city", "Berlin").put("postalCode", "10117").put("country", "DE").put("phone", "030 1234567")
      .put("isDefault", true);
  }
}
