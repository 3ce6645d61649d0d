package dev.tradewind.infra;

import io.vertx.core.json.JsonObject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Builds the tokens an attacker would send: signed with identity's real key (read from its key file, as a
 * thief who stole it would), with a key of their own, with HMAC over the public key, or not at all.
 */
public final class TokenForger {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String kid;
  private final PrivateKey realKey;

  public TokenForger(Path keyFile) {
    try {
      JsonObject current = new JsonObject(Files.readString(keyFile)).getJsonArray("keys").getJsonObject(0);
      this.kid = current.getString("kid");
      this.realKey = KeyFactory.getInstance("EC")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(current.getString("privateKey"))));
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the signing keys", e);
    }
  }

  public String kid() {
    return kid;
  }

  public JsonObject header() {
    return new JsonObject().put("alg", "ES256").put("typ", "JWT").put("kid", kid);
  }

  /** Claims identity would issue for the user now, valid for five minutes. */
  public static JsonObject claims(String userId, String sessionId, String... roles) {
    long now = System.currentTimeMillis() / 1000;
    return new JsonObject().put("iss", "https://tradewind.local").put("aud", "tradewind-api").put("sub", userId)
      .put("sid", sessionId).put("roles", new io.vertx.core.json.JsonArray(java.util.List.of((Object[]) roles)))
      .put("iat", now).put("nbf", now).put("exp", now + 300).put("jti", java.util.UUID.randomUUID().toString());
  }

  public String signedWithRealKey(JsonObject header, JsonObject claims) {
    return es256(header, claims, realKey);
  }

  public String signedWithOwnKey(JsonObject header, JsonObject claims) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return es256(header, claims, generator.generateKeyPair().getPrivate());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static String unsigned(JsonObject claims) {
    return segment(new JsonObject().put("alg", "none").put("typ", "JWT")) + "." + segment(claims) + ".";
  }

  public static String hs256(JsonObject header, JsonObject claims, String secret) {
    try {
      String input = segment(header) + "." + segment(claims);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The token with its payload replaced and the original signature kept. */
  public static String tampered(String token, JsonObject claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + segment(claims) + "." + parts[2];
  }

  public static JsonObject payload(String token) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String es256(JsonObject header, JsonObject claims, PrivateKey key) {
    try {
      String input = segment(header) + "." + segment(claims);
      Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
      signature.initSign(key);
      signature.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signature.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String segment(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }
}
