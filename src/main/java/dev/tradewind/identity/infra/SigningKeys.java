package dev.tradewind.identity.infra;

import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.JwtSettings;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The identity context's ES256 key ring: one current key signs access tokens, previous keys stay published in
 * {@link #jwks()} until no token they signed can still be valid. Private keys never leave identity; other contexts
 * get the JWKS. Immutable: {@link #rotate} and {@link #retainNewerThan} return a new ring.
 *
 * <p>{@link #save}, {@link #load} and {@link #loadOrCreate} block on the file system: call them at start-up or
 * through {@code executeBlocking}, never on an event loop.
 */
public final class SigningKeys {
  private static final String ALGORITHM = "ES256";
  private static final String SIGNATURE = "SHA256withECDSAinP1363Format";
  private static final int COORDINATE_BYTES = 32;
  private static final int KID_BYTES = 16;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** One key of the ring; {@code retiredAt} is null for the current key, the only one that signs. */
  private record Key(String kid, PrivateKey privateKey, ECPublicKey publicKey, Instant createdAt, Instant retiredAt) {

    Key retire(Instant at) {
      return new Key(kid, privateKey, publicKey, createdAt, at);
    }

    boolean current() {
      return retiredAt == null;
    }

    @Override
    public String toString() {
      return "Key[kid=" + kid + ", createdAt=" + createdAt + ", retiredAt=" + retiredAt + "]";
    }
  }

  private final List<Key> keys;

  private SigningKeys(List<Key> keys) {
    if (keys.isEmpty() || !keys.get(0).current() || keys.stream().filter(Key::current).count() != 1) {
      throw new IllegalArgumentException("a key ring has exactly one current key, listed first");
    }
    this.keys = List.copyOf(keys);
  }

  public static SigningKeys generate(Clock clock) {
    return new SigningKeys(List.of(newKey(clock.instant())));
  }

  /** A new current key; the old one is retired now and keeps verifying the tokens it signed. */
  public SigningKeys rotate(Clock clock) {
    Instant now = clock.instant();
    List<Key> next = new ArrayList<>();
    next.add(newKey(now));
    next.add(current().retire(now));
    next.addAll(keys.subList(1, keys.size()));
    return new SigningKeys(next);
  }

  /**
   * Drops the previous keys retired before {@code cutoff}; the current key always stays. Pass
   * now − (accessTtl + clockSkew): a key retired earlier signed no token that could still verify.
   */
  public SigningKeys retainNewerThan(Instant cutoff) {
    return new SigningKeys(keys.stream().filter(key -> key.current() || !key.retiredAt().isBefore(cutoff)).toList());
  }

  public String currentKid() {
    return current().kid();
  }

  /** The public half of every key in the ring, as a JWKS for {@code TokenVerifier}; the current key first. */
  public JsonObject jwks() {
    JsonArray published = new JsonArray();
    for (Key key : keys) {
      published.add(new JsonObject()
        .put("kty", "EC")
        .put("crv", "P-256")
        .put("x", BASE64URL.encodeToString(coordinate(key.publicKey().getW().getAffineX())))
        .put("y", BASE64URL.encodeToString(coordinate(key.publicKey().getW().getAffineY())))
        .put("kid", key.kid())
        .put("alg", ALGORITHM)
        .put("use", "sig"));
    }
    return new JsonObject().put("keys", published);
  }

  /** A compact JWS of {@code claims} signed with the current key. Refuses a lifetime longer than the settings allow. */
  public String sign(AccessClaims claims, JwtSettings settings) {
    Duration lifetime = Duration.between(claims.issuedAt(), claims.expiresAt());
    if (lifetime.isZero() || lifetime.isNegative() || lifetime.compareTo(settings.accessTtl()) > 0) {
      throw new IllegalArgumentException("an access token lives more than 0 and at most " + settings.accessTtl());
    }
    Key key = current();
    JsonObject header = new JsonObject().put("alg", ALGORITHM).put("typ", "JWT").put("kid", key.kid());
    String signingInput = base64url(header) + "." + base64url(payload(claims, settings));
    return signingInput + "." + BASE64URL.encodeToString(ecdsa(key.privateKey(), signingInput));
  }

  public void save(Path file) {
    Path target = file.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path temp = ownerOnlyTempFile(target);
      try {
        byte[] json = toJson().encodePrettily().getBytes(StandardCharsets.UTF_8);
        Files.write(temp, json, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the signing keys to " + target, e);
    }
  }

  public static SigningKeys load(Path file) {
    try {
      return fromJson(new JsonObject(Files.readString(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing keys from " + file, e);
    }
  }

  /** The ring saved at {@code file}, or a new one saved there when there is none yet. */
  public static SigningKeys loadOrCreate(Path file, Clock clock) {
    if (Files.exists(file)) {
      return load(file);
    }
    SigningKeys created = generate(clock);
    created.save(file);
    return created;
  }

  private Key current() {
    return keys.get(0);
  }

  private static Key newKey(Instant createdAt) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      KeyPair pair = generator.generateKeyPair();
      byte[] kid = new byte[KID_BYTES];
      RANDOM.nextBytes(kid);
      return new Key(BASE64URL.encodeToString(kid), pair.getPrivate(), (ECPublicKey) pair.getPublic(), createdAt, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate a P-256 key", e);
    }
  }

  private static JsonObject payload(AccessClaims claims, JwtSettings settings) {
    JsonObject payload = new JsonObject()
      .put("iss", settings.issuer())
      .put("aud", settings.audience())
      .put("sub", claims.subject())
      .put("sid", claims.sessionId())
      .put("roles", new JsonArray(new ArrayList<>(new TreeSet<>(claims.roles()))));
    if (claims.merchantId() != null) {
      payload.put("mid", claims.merchantId());
    }
    return payload
      .put("iat", claims.issuedAt().getEpochSecond())
      .put("nbf", claims.issuedAt().getEpochSecond())
      .put("exp", claims.expiresAt().getEpochSecond())
      .put("jti", claims.tokenId());
  }

  private static String base64url(JsonObject json) {
    return BASE64URL.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] ecdsa(PrivateKey key, String signingInput) {
    try {
      Signature ecdsa = Signature.getInstance(SIGNATURE);
      ecdsa.initSign(key);
      ecdsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return ecdsa.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with key", e);
    }
  }

  /** A JWK coordinate is exactly 32 bytes, big-endian, left-padded with zeros. */
  private static byte[] coordinate(BigInteger value) {
    byte[] minimal = value.toByteArray();
    byte[] fixed = new byte[COORDINATE_BYTES];
    int length = Math.min(minimal.length, COORDINATE_BYTES);
    System.arraycopy(minimal, minimal.length - length, fixed, COORDINATE_BYTES - length, length);
    return fixed;
  }

  private static Path ownerOnlyTempFile(Path target) throws IOException {
    String prefix = "." + target.getFileName() + ".";
    if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return Files.createTempFile(target.getParent(), prefix, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    return Files.createTempFile(target.getParent(), prefix, ".tmp");
  }

  private JsonObject toJson() {
    JsonArray saved = new JsonArray();
    for (Key key : keys) {
      saved.add(new JsonObject()
        .put("kid", key.kid())
        .put("createdAt", key.createdAt().toString())
        .put("retiredAt", key.current() ? null : key.retiredAt().toString())
        .put("privateKey", Base64.getEncoder().encodeToString(key.privateKey().getEncoded()))
        .put("publicKey", Base64.getEncoder().encodeToString(key.publicKey().getEncoded())));
    }
    return new JsonObject().put("keys", saved);
  }

  private static SigningKeys fromJson(JsonObject json) {
    List<Key> keys = new ArrayList<>();
    try {
      KeyFactory factory = KeyFactory.getInstance("EC");
      for (Object entry : json.getJsonArray("keys")) {
        JsonObject saved = (JsonObject) entry;
        String retiredAt = saved.getString("retiredAt");
        byte[] privateKey = Base64.getDecoder().decode(saved.getString("privateKey"));
        byte[] publicKey = Base64.getDecoder().decode(saved.getString("publicKey"));
        keys.add(new Key(
          Objects.requireNonNull(saved.getString("kid"), "kid"),
          factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)),
          (ECPublicKey) factory.generatePublic(new X509EncodedKeySpec(publicKey)),
          Instant.parse(saved.getString("createdAt")),
          retiredAt == null ? null : Instant.parse(retiredAt)));
      }
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException("the signing key file is not a key ring", e);
    }
    keys.sort((a, b) -> Boolean.compare(b.current(), a.current()));
    return new SigningKeys(keys);
  }
}
