package dev.tradewind.shared.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EllipticCurve;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Verifies ES256 access tokens against the identity context's public JWKS, synchronously, refusing anything but
 * the one shape identity issues. Immutable, so one instance serves every event loop; {@link #withKeys} makes a new
 * one when the key set rotates.
 *
 * <p>The final ECDSA check is the JDK's {@code SHA256withECDSAinP1363Format}, behind explicit checks of the
 * header, signature length and range. Vert.x Auth JWT 5.0.10 was set aside: {@code JWTAuth} answers with a
 * {@code Future}, reads the system clock rather than a {@link Clock}, and accepts tokens without {@code exp} or
 * {@code kid}, with a {@code crit} header, or with a DER-encoded signature.
 */
public final class TokenVerifier {
  private static final String ALGORITHM = "ES256";
  private static final Set<String> TYPES = Set.of("JWT", "at+jwt");
  private static final Pattern COMPACT_JWS = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  private static final int MAX_TOKEN_LENGTH = 8 * 1024;
  private static final int COORDINATE_BYTES = 32;
  private static final ECParameterSpec P256 = p256();
  private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

  private final JwtSettings settings;
  private final Clock clock;
  private final Map<String, PublicKey> keys;

  /** @throws IllegalArgumentException when the JWKS holds anything but public ES256 keys on P-256, each with a kid */
  public TokenVerifier(JwtSettings settings, Clock clock, JsonObject jwks) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.keys = publicKeys(Objects.requireNonNull(jwks, "jwks"));
  }

  public TokenVerifier withKeys(JsonObject jwks) {
    return new TokenVerifier(settings, clock, jwks);
  }

  /** @throws InvalidTokenException naming the first rule the token breaks */
  public AccessClaims verify(String token) {
    String[] parts = split(token);
    PublicKey key = keyFor(jsonObject(parts[0]));
    verifySignature(key, parts);
    return claims(jsonObject(parts[1]));
  }

  private static String[] split(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH || !COMPACT_JWS.matcher(token).matches()) {
      throw refused("malformed");
    }
    return token.split("\\.", -1);
  }

  private static byte[] decode(String segment) {
    try {
      return BASE64URL.decode(segment);
    } catch (IllegalArgumentException notBase64url) {
      throw refused("malformed");
    }
  }

  private static JsonObject jsonObject(String segment) {
    String json = new String(decode(segment), StandardCharsets.UTF_8);
    try {
      return new JsonObject(json);
    } catch (RuntimeException notAnObject) {
      throw refused("malformed");
    }
  }

  private PublicKey keyFor(JsonObject header) {
    if (!ALGORITHM.equals(header.getValue("alg"))) {
      throw refused("algorithm-not-allowed");
    }
    if (header.containsKey("crit")) {
      throw refused("critical-header");
    }
    if (header.containsKey("typ") && !(header.getValue("typ") instanceof String type && TYPES.contains(type))) {
      throw refused("wrong-type");
    }
    if (!(header.getValue("kid") instanceof String kid)) {
      throw refused("missing-kid");
    }
    PublicKey key = keys.get(kid);
    if (key == null) {
      throw refused("unknown-key");
    }
    return key;
  }

  private static void verifySignature(PublicKey key, String[] parts) {
    byte[] signature = decode(parts[2]);
    if (signature.length != 2 * COORDINATE_BYTES) {
      throw refused("bad-signature-length");
    }
    // r or s of 0 passed every check on JDK 15-18.0.0 (CVE-2022-21449), so the range is checked here too.
    if (!inGroup(Arrays.copyOfRange(signature, 0, COORDINATE_BYTES))
        || !inGroup(Arrays.copyOfRange(signature, COORDINATE_BYTES, signature.length))) {
      throw refused("signature-out-of-range");
    }
    if (!ecdsaVerifies(key, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature)) {
      throw refused("bad-signature");
    }
  }

  private static boolean inGroup(byte[] scalar) {
    BigInteger value = new BigInteger(1, scalar);
    return value.signum() > 0 && value.compareTo(P256.getOrder()) < 0;
  }

  private static boolean ecdsaVerifies(PublicKey key, byte[] signingInput, byte[] signature) {
    try {
      Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
      ecdsa.initVerify(key);
      ecdsa.update(signingInput);
      return ecdsa.verify(signature);
    } catch (SignatureException unreadable) {
      return false;
    } catch (GeneralSecurityException platform) {
      throw new IllegalStateException("ES256 verification is unavailable", platform);
    }
  }

  private AccessClaims claims(JsonObject claims) {
    if (!settings.issuer().equals(claim(claims, "iss"))) {
      throw refused("wrong-issuer");
    }
    if (!addressedTo(claim(claims, "aud"))) {
      throw refused("wrong-audience");
    }
    Instant now = clock.instant();
    Duration skew = settings.clockSkew();
    Instant expiresAt = date(claims, "exp");
    if (!now.isBefore(expiresAt.plus(skew))) {
      throw refused("expired");
    }
    if (claims.getValue("nbf") != null && now.isBefore(date(claims, "nbf").minus(skew))) {
      throw refused("not-yet-valid");
    }
    Instant issuedAt = date(claims, "iat");
    if (issuedAt.isAfter(now.plus(skew))) {
      throw refused("issued-in-future");
    }
    return new AccessClaims(text(claims, "sub"), text(claims, "sid"), roles(claims), merchantId(claims), issuedAt,
      expiresAt, text(claims, "jti"));
  }

  private boolean addressedTo(Object audience) {
    if (audience instanceof String single) {
      return single.equals(settings.audience());
    }
    if (audience instanceof JsonArray several) {
      return several.contains(settings.audience());
    }
    throw refused("malformed-claim:aud");
  }

  private static Object claim(JsonObject claims, String name) {
    Object value = claims.getValue(name);
    if (value == null) {
      throw refused("missing-claim:" + name);
    }
    return value;
  }

  private static Instant date(JsonObject claims, String name) {
    Object value = claim(claims, name);
    if (!(value instanceof Number)) {
      throw refused("malformed-claim:" + name);
    }
    try {
      long seconds = new BigDecimal(value.toString()).setScale(0, RoundingMode.FLOOR).longValueExact();
      return Instant.ofEpochSecond(seconds);
    } catch (ArithmeticException | NumberFormatException | DateTimeException outOfRange) {
      throw refused("malformed-claim:" + name);
    }
  }

  private static String text(JsonObject claims, String name) {
    if (!(claim(claims, name) instanceof String value)) {
      throw refused("malformed-claim:" + name);
    }
    if (value.isBlank()) {
      throw refused("missing-claim:" + name);
    }
    return value;
  }

  private static Set<String> roles(JsonObject claims) {
    if (!(claim(claims, "roles") instanceof JsonArray array)) {
      throw refused("malformed-claim:roles");
    }
    Set<String> roles = new HashSet<>();
    for (Object role : array) {
      if (!(role instanceof String name)) {
        throw refused("malformed-claim:roles");
      }
      roles.add(name);
    }
    return roles;
  }

  private static String merchantId(JsonObject claims) {
    return claims.getValue("mid") == null ? null : text(claims, "mid");
  }

  private static InvalidTokenException refused(String reason) {
    return new InvalidTokenException(reason);
  }

  private static Map<String, PublicKey> publicKeys(JsonObject jwks) {
    if (!(jwks.getValue("keys") instanceof JsonArray entries)) {
      throw new IllegalArgumentException("a JWKS holds its keys in a \"keys\" array");
    }
    Map<String, PublicKey> keys = new HashMap<>();
    for (Object entry : entries) {
      if (!(entry instanceof JsonObject jwk)) {
        throw new IllegalArgumentException("every JWKS entry must be a JSON object");
      }
      String kid = jwk.getValue("kid") instanceof String named ? named : "";
      if (kid.isBlank() || keys.put(kid, publicKey(jwk, kid)) != null) {
        throw new IllegalArgumentException("every JWKS key needs its own kid, got \"" + kid + "\"");
      }
    }
    return Map.copyOf(keys);
  }

  private static PublicKey publicKey(JsonObject jwk, String kid) {
    boolean es256 = "EC".equals(jwk.getValue("kty")) && "P-256".equals(jwk.getValue("crv"))
      && ALGORITHM.equals(jwk.getValue("alg", ALGORITHM)) && "sig".equals(jwk.getValue("use", "sig"));
    if (!es256 || jwk.containsKey("d")) {
      throw new IllegalArgumentException("JWKS key " + kid + " is not a public ES256 signing key on P-256");
    }
    ECPoint point = new ECPoint(coordinate(jwk, "x", kid), coordinate(jwk, "y", kid));
    if (!onP256(point)) {
      throw new IllegalArgumentException("JWKS key " + kid + " is not a point on P-256");
    }
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("JWKS key " + kid + " is not a usable EC key", e);
    }
  }

  private static BigInteger coordinate(JsonObject jwk, String name, String kid) {
    byte[] bytes;
    try {
      bytes = jwk.getValue(name) instanceof String encoded ? BASE64URL.decode(encoded) : new byte[0];
    } catch (IllegalArgumentException notBase64url) {
      bytes = new byte[0];
    }
    if (bytes.length != COORDINATE_BYTES) {
      throw new IllegalArgumentException("JWKS key " + kid + " needs a 32-byte base64url " + name);
    }
    return new BigInteger(1, bytes);
  }

  private static boolean onP256(ECPoint point) {
    EllipticCurve curve = P256.getCurve();
    BigInteger p = ((ECFieldFp) curve.getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger rightSide = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
    return y.pow(2).mod(p).equals(rightSide);
  }

  private static ECParameterSpec p256() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("P-256 is unavailable", e);
    }
  }
}
