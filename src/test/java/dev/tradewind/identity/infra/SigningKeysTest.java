package dev.tradewind.identity.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.JwtSettings;
import dev.tradewind.shared.auth.TokenVerifier;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

  private static final Instant T0 = Instant.parse("2025-06-02T08:00:00Z");
  private static final JwtSettings SETTINGS = JwtSettings.defaults();
  private static final Duration VALIDITY_WINDOW = SETTINGS.accessTtl().plus(SETTINGS.clockSkew());

  @TempDir
  Path dir;

  @Test
  @DisplayName("after a rotation, a token signed with the previous key still verifies against the new JWKS")
  void rotationKeepsThePreviousKeyVerifiable() {
    SigningKeys before = SigningKeys.generate(at(T0));
    AccessClaims claims = claimsIssuedAt(T0.plusSeconds(60));
    String signedBeforeRotation = before.sign(claims, SETTINGS);

    SigningKeys after = before.rotate(at(T0.plusSeconds(120)));
    TokenVerifier verifier = new TokenVerifier(SETTINGS, at(T0.plusSeconds(180)), after.jwks());

    assertThat(after.currentKid()).isNotEqualTo(before.currentKid());
    assertThat(kids(after)).containsExactly(after.currentKid(), before.currentKid());
    assertThat(verifier.verify(signedBeforeRotation)).isEqualTo(claims);
    assertThat(kidOf(after.sign(claims, SETTINGS))).isEqualTo(after.currentKid());
  }

  @Test
  @DisplayName("retention drops only keys retired before any token they signed could expire, never the current one")
  void retentionDropsOnlyLongRetiredKeys() {
    SigningKeys first = SigningKeys.generate(at(T0));
    SigningKeys second = first.rotate(at(T0.plus(Duration.ofHours(1))));
    AccessClaims lastBeforeRotation = claimsIssuedAt(T0.plus(Duration.ofHours(2)).minusSeconds(60));
    String token = second.sign(lastBeforeRotation, SETTINGS);
    SigningKeys third = second.rotate(at(T0.plus(Duration.ofHours(2))));

    Instant tenMinutesLater = T0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(10));
    SigningKeys retained = third.retainNewerThan(tenMinutesLater.minus(VALIDITY_WINDOW));

    assertThat(kids(retained)).containsExactly(third.currentKid(), second.currentKid());
    assertThat(new TokenVerifier(SETTINGS, at(tenMinutesLater), retained.jwks()).verify(token))
      .isEqualTo(lastBeforeRotation);
    assertThat(kids(third.retainNewerThan(T0.plus(Duration.ofHours(3)).minus(VALIDITY_WINDOW))))
      .containsExactly(third.currentKid());
    assertThat(kids(third.retainNewerThan(Instant.MAX))).containsExactly(third.currentKid());
  }

  @Test
  @DisplayName("a saved ring loads back with the same kids, retirement times and signing key")
  void saveAndLoadRoundTrip() throws IOException {
    SigningKeys ring = SigningKeys.generate(at(T0)).rotate(at(T0.plus(Duration.ofHours(1))));
    Path file = dir.resolve("identity").resolve("keys").resolve("signing-keys.json");

    ring.save(file);
    SigningKeys loaded = SigningKeys.load(file);

    assertThat(loaded.currentKid()).isEqualTo(ring.currentKid());
    assertThat(loaded.jwks()).isEqualTo(ring.jwks());
    assertThat(kids(loaded.retainNewerThan(T0.plus(Duration.ofHours(1))))).hasSize(2);
    assertThat(kids(loaded.retainNewerThan(T0.plus(Duration.ofHours(1)).plusSeconds(1)))).hasSize(1);
    AccessClaims claims = claimsIssuedAt(T0.plus(Duration.ofHours(1)));
    assertThat(new TokenVerifier(SETTINGS, at(claims.issuedAt()), ring.jwks()).verify(loaded.sign(claims, SETTINGS)))
      .isEqualTo(claims);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file is left behind").containsExactly(file);
    }
  }

  @Test
  @DisplayName("loadOrCreate makes a ring once, then keeps loading that same ring")
  void loadOrCreateKeepsTheFirstRing() {
    Path file = dir.resolve("signing-keys.json");

    SigningKeys created = SigningKeys.loadOrCreate(file, at(T0));
    SigningKeys reloaded = SigningKeys.loadOrCreate(file, at(T0.plus(Duration.ofDays(1))));

    assertThat(reloaded.currentKid()).isEqualTo(created.currentKid());
    assertThat(reloaded.jwks()).isEqualTo(created.jwks());
  }

  @Test
  @DisplayName("the key file is readable and writable by its owner only, also when overwritten")
  void keyFileIsOwnerOnly() throws IOException {
    assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "file system without POSIX permissions");
    Path file = dir.resolve("signing-keys.json");
    SigningKeys ring = SigningKeys.generate(at(T0));

    ring.save(file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    ring.rotate(at(T0.plusSeconds(60))).save(file);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  @DisplayName("the JWKS publishes public coordinates only, never the private scalar d")
  void jwksHoldsNoPrivateMaterial() {
    SigningKeys ring = SigningKeys.generate(at(T0)).rotate(at(T0.plusSeconds(60)));

    List<JsonObject> keys = ring.jwks().getJsonArray("keys").stream().map(JsonObject.class::cast).toList();

    assertThat(keys).hasSize(2).allSatisfy(jwk -> {
      assertThat(jwk.fieldNames()).containsExactlyInAnyOrder("kty", "crv", "x", "y", "kid", "alg", "use");
      assertThat(jwk.containsKey("d")).isFalse();
      assertThat(Base64.getUrlDecoder().decode(jwk.getString("x"))).hasSize(32);
      assertThat(Base64.getUrlDecoder().decode(jwk.getString("y"))).hasSize(32);
    });
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static AccessClaims claimsIssuedAt(Instant issuedAt) {
    return new AccessClaims("user-42", "session-7", Set.of("BUYER"), null, issuedAt,
      issuedAt.plus(SETTINGS.accessTtl()), "token-" + issuedAt.getEpochSecond());
  }

  private static List<String> kids(SigningKeys ring) {
    return ring.jwks().getJsonArray("keys").stream().map(key -> ((JsonObject) key).getString("kid")).toList();
  }

  private static String kidOf(String token) {
    byte[] header = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
    return new JsonObject(new String(header, StandardCharsets.UTF_8)).getString("kid");
  }
}
