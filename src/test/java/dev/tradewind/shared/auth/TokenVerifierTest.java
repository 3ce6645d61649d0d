package dev.tradewind.shared.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.identity.infra.SigningKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenVerifierTest {

  private static final Instant NOW = Instant.parse("2025-06-02T14:15:00Z");
  private static final JwtSettings SETTINGS = JwtSettings.defaults();
  private static final BigInteger P256_ORDER =
    new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private static final AccessClaims BUYER = new AccessClaims("user-42", "session-7", Set.of("BUYER"), null,
    NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(14)), "token-1");

  @TempDir
  Path dir;

  private SigningKeys identity;
  private TokenVerifier verifier;

  @BeforeEach
  void identityPublishesItsKeys() {
    identity = SigningKeys.generate(Clock.fixed(NOW, ZoneOffset.UTC));
    verifier = verifierAt(NOW);
  }

  @Test
  @DisplayName("a token identity signed is accepted, every claim read back as it was issued")
  void acceptsWhatIdentitySigned() {
    AccessClaims merchant = new AccessClaims("user-43", "session-8", Set.of("BUYER", "MERCHANT"), "merchant-9",
      NOW.minusSeconds(60), NOW.plus(Duration.ofMinutes(14)), "token-2");

    assertThat(verifier.verify(identity.sign(merchant, SETTINGS))).isEqualTo(merchant);
    assertThat(verifier.verify(identity.sign(BUYER, SETTINGS))).isEqualTo(BUYER);
    assertThat(BUYER.merchantId()).isNull();
  }

  @Test
  @DisplayName("alg none with an empty signature is refused")
  void refusesAlgNone() {
    String unsigned = segment(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + payloadSegment() + ".";

    assertRefused(unsigned, "algorithm-not-allowed");
  }

  @ParameterizedTest(name = "alg {0}")
  @ValueSource(strings = {"none", "None", "HS256", "RS256", "ES384", "ES512", "es256", "ES256 "})
  @DisplayName("any algorithm but exactly ES256 is refused before the signature is looked at")
  void refusesEveryOtherAlgorithm(String alg) {
    String[] parts = issued().split("\\.");
    String relabelled = segment(headerOf(parts).put("alg", alg)) + "." + parts[1] + "." + parts[2];

    assertRefused(relabelled, "algorithm-not-allowed");
  }

  @Test
  @DisplayName("HS256 keyed with the public key, as PEM text or as JWK JSON, is refused (algorithm confusion)")
  void refusesThePublicKeyUsedAsAnHmacSecret() throws Exception {
    JsonObject jwk = identity.jwks().getJsonArray("keys").getJsonObject(0);
    Base64.Encoder pemBody = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
    String pem = "-----BEGIN PUBLIC KEY-----\n" + pemBody.encodeToString(publicKeyOf(jwk).getEncoded())
      + "\n-----END PUBLIC KEY-----\n";
    JsonObject header = new JsonObject().put("alg", "HS256").put("typ", "JWT").put("kid", identity.currentKid());

    assertRefused(hs256(header, payloadOf(issued()), pem), "algorithm-not-allowed");
    assertRefused(hs256(header, payloadOf(issued()), jwk.encode()), "algorithm-not-allowed");
  }

  @Test
  @DisplayName("a signature by another P-256 key claiming identity's kid is refused")
  void refusesAnImpostorKeyWithTheSameKid() {
    Signer impostor = new Signer(newP256KeyPair().getPrivate());

    assertRefused(impostor.sign(header(), payloadOf(issued())), "bad-signature");
  }

  @Test
  @DisplayName("a payload edited to grant ADMIN, keeping the original signature, is refused")
  void refusesATamperedPayload() {
    String[] parts = issued().split("\\.");
    JsonObject escalated = payloadOf(issued()).put("roles", new JsonArray().add("ADMIN"));

    assertRefused(parts[0] + "." + segment(escalated) + "." + parts[2], "bad-signature");
  }

  @Test
  @DisplayName("a token expired longer ago than the clock skew is refused")
  void refusesAnExpiredToken() {
    String token = identity.sign(claimsExpiringAt(NOW), SETTINGS);

    assertRefused(verifierAt(NOW.plusSeconds(31)), token, "expired");
    assertRefused(verifierAt(NOW.plusSeconds(30)), token, "expired");
  }

  @Test
  @DisplayName("a token expired within the clock skew is still accepted")
  void forgivesExpiryWithinTheSkew() {
    AccessClaims claims = claimsExpiringAt(NOW);

    assertThat(verifierAt(NOW.plusSeconds(29)).verify(identity.sign(claims, SETTINGS))).isEqualTo(claims);
  }

  @Test
  @DisplayName("a token not valid before a time beyond the skew is refused")
  void refusesATokenNotYetValid() {
    JsonObject payload = payloadOf(issued()).put("nbf", NOW.plusSeconds(300).getEpochSecond());

    assertRefused(identitySigner().sign(header(), payload), "not-yet-valid");
  }

  @Test
  @DisplayName("a token issued in the future beyond the skew is refused")
  void refusesATokenIssuedInTheFuture() {
    JsonObject payload = payloadOf(issued()).put("iat", NOW.plusSeconds(300).getEpochSecond());
    payload.remove("nbf");

    assertRefused(identitySigner().sign(header(), payload), "issued-in-future");
  }

  @Test
  @DisplayName("a token from another issuer is refused")
  void refusesAnotherIssuer() {
    JwtSettings elsewhere = new JwtSettings("https://evil.example", SETTINGS.audience(), SETTINGS.accessTtl(),
      SETTINGS.clockSkew());

    assertRefused(identity.sign(BUYER, elsewhere), "wrong-issuer");
  }

  @Test
  @DisplayName("a token for another audience is refused; an audience list naming this API is accepted")
  void refusesAnotherAudience() {
    JwtSettings otherApi = new JwtSettings(SETTINGS.issuer(), "back-office", SETTINGS.accessTtl(),
      SETTINGS.clockSkew());
    JsonObject listed = payloadOf(issued()).put("aud", new JsonArray().add("back-office").add(SETTINGS.audience()));

    assertRefused(identity.sign(BUYER, otherApi), "wrong-audience");
    assertThat(verifier.verify(identitySigner().sign(header(), listed))).isEqualTo(BUYER);
  }

  @Test
  @DisplayName("a token without exp is refused, however well signed")
  void refusesATokenWithoutExpiry() {
    JsonObject payload = payloadOf(issued());
    payload.remove("exp");

    assertRefused(identitySigner().sign(header(), payload), "missing-claim:exp");
  }

  @Test
  @DisplayName("a date written as a string rather than a number is refused")
  void refusesADateThatIsNotANumber() {
    JsonObject payload = payloadOf(issued()).put("exp", String.valueOf(BUYER.expiresAt().getEpochSecond()));

    assertRefused(identitySigner().sign(header(), payload), "malformed-claim:exp");
  }

  @Test
  @DisplayName("a token signed by a key that is not in the JWKS is refused")
  void refusesAnUnknownKey() {
    SigningKeys stranger = SigningKeys.generate(Clock.fixed(NOW, ZoneOffset.UTC));

    assertRefused(stranger.sign(BUYER, SETTINGS), "unknown-key");
  }

  @Test
  @DisplayName("a token that names no key is refused")
  void refusesATokenWithoutKid() {
    JsonObject header = header();
    header.remove("kid");

    assertRefused(identitySigner().sign(header, payloadOf(issued())), "missing-kid");
  }

  @Test
  @DisplayName("a psychic signature (r = s = 0) is refused (CVE-2022-21449)")
  void refusesThePsychicSignature() {
    assertRefused(resigned(new byte[64]), "signature-out-of-range");
  }

  @Test
  @DisplayName("a signature whose r equals the group order n is refused")
  void refusesRAtTheGroupOrder() {
    byte[] signature = Base64.getUrlDecoder().decode(issued().split("\\.")[2]);
    byte[] order = P256_ORDER.toByteArray();
    System.arraycopy(order, order.length - 32, signature, 0, 32);

    assertRefused(resigned(signature), "signature-out-of-range");
  }

  @Test
  @DisplayName("a DER-encoded ECDSA signature, valid but not R||S, is refused for its length")
  void refusesADerSignature() {
    String token = identitySigner().signDer(header(), payloadOf(issued()));

    assertRefused(token, "bad-signature-length");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"garbage", "a.b", "a.b.c.d", "e30.e30.e30.e30", "!!!.###.$$$", "A.e30.", "WzFd.e30.AAAA",
    "bm90IGpzb24.e30.AAAA", "e30=.e30.AAAA"})
  @DisplayName("anything but three base64url parts with a JSON object header is refused as malformed")
  void refusesGarbage(String garbage) {
    assertRefused(garbage, "malformed");
  }

  @Test
  @DisplayName("a token with critical header extensions is refused: we understand none")
  void refusesCriticalHeaders() {
    JsonObject header = header().put("crit", new JsonArray().add("exp"));

    assertRefused(identitySigner().sign(header, payloadOf(issued())), "critical-header");
  }

  @Test
  @DisplayName("a token typed at+jwt is accepted, one typed as anything else refused")
  void checksTheTokenType() {
    assertThat(verifier.verify(identitySigner().sign(header().put("typ", "at+jwt"), payloadOf(issued()))))
      .isEqualTo(BUYER);
    assertRefused(identitySigner().sign(header().put("typ", "JOSE+JSON"), payloadOf(issued())), "wrong-type");
  }

  private TokenVerifier verifierAt(Instant now) {
    return new TokenVerifier(SETTINGS, Clock.fixed(now, ZoneOffset.UTC), identity.jwks());
  }

  private void assertRefused(String token, String reason) {
    assertRefused(verifier, token, reason);
  }

  private static void assertRefused(TokenVerifier verifier, String token, String reason) {
    assertThatThrownBy(() -> verifier.verify(token))
      .isInstanceOfSatisfying(InvalidTokenException.class, refused -> {
        assertThat(refused.reason()).isEqualTo(reason);
        if (token != null && token.length() > 16) {
          assertThat(refused.getMessage()).doesNotContain(token).doesNotContain(token.split("\\.")[1]);
        }
      });
  }

  private String issued() {
    return identity.sign(BUYER, SETTINGS);
  }

  private String payloadSegment() {
    return issued().split("\\.")[1];
  }

  private static AccessClaims claimsExpiringAt(Instant expiresAt) {
    return new AccessClaims("user-42", "session-7", Set.of("BUYER"), null, expiresAt.minus(SETTINGS.accessTtl()),
      expiresAt, "token-3");
  }

  private JsonObject header() {
    return new JsonObject().put("alg", "ES256").put("typ", "JWT").put("kid", identity.currentKid());
  }

  /** The same token with its signature replaced by {@code signature}. */
  private String resigned(byte[] signature) {
    String[] parts = issued().split("\\.");
    return parts[0] + "." + parts[1] + "." + BASE64URL.encodeToString(signature);
  }

  /** Identity's own current key, read back from its key file, to sign tokens identity itself never would. */
  private Signer identitySigner() {
    Path file = dir.resolve("signing-keys.json");
    identity.save(file);
    try {
      JsonObject saved = new JsonObject(Files.readString(file)).getJsonArray("keys").getJsonObject(0);
      byte[] pkcs8 = Base64.getDecoder().decode(saved.getString("privateKey"));
      return new Signer(KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonObject headerOf(String[] parts) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
  }

  private static JsonObject payloadOf(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String segment(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static String hs256(JsonObject header, JsonObject payload, String secret) throws GeneralSecurityException {
    String signingInput = segment(header) + "." + segment(payload);
    Mac hmac = Mac.getInstance("HmacSHA256");
    hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] mac = hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + BASE64URL.encodeToString(mac);
  }

  /** What an attacker rebuilds from the published JWK: the same public key, X.509-encoded. */
  private static ECPublicKey publicKeyOf(JsonObject jwk) throws GeneralSecurityException {
    ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("x"))),
      new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("y"))));
    ECPublicKeySpec spec = new ECPublicKeySpec(point, ((ECPublicKey) newP256KeyPair().getPublic()).getParams());
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
  }

  private static KeyPair newP256KeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** Signs any header and payload with an ES256 private key, as R||S or, for the DER attack, as ASN.1. */
  private record Signer(PrivateKey key) {

    String sign(JsonObject header, JsonObject payload) {
      return sign(header, payload, "SHA256withECDSAinP1363Format");
    }

    String signDer(JsonObject header, JsonObject payload) {
      return sign(header, payload, "SHA256withECDSA");
    }

    private String sign(JsonObject header, JsonObject payload, String algorithm) {
      String signingInput = segment(header) + "." + segment(payload);
      try {
        Signature ecdsa = Signature.getInstance(algorithm);
        ecdsa.initSign(key);
        ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(ecdsa.sign());
      } catch (GeneralSecurityException e) {
        throw new AssertionError(e);
      }
    }
  }
}
