package dev.tradewind.identity.infra;

import dev.tradewind.shared.auth.AccessClaims;
import dev.tradewind.shared.auth.JwtSettings;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The identity context's signing keys, read from (and on first start generated into) a file that only this
 * process reads. File access runs on a worker thread. Rotation keeps the previous key in the JWKS for as long
 * as tokens it signed can still be valid.
 */
public final class KeyRing {
  private final Vertx vertx;
  private final Path file;
  private final JwtSettings settings;
  private final Clock clock;
  private volatile SigningKeys keys;

  private KeyRing(Vertx vertx, Path file, JwtSettings settings, Clock clock, SigningKeys keys) {
    this.vertx = vertx;
    this.file = file;
    this.settings = settings;
    this.clock = clock;
    this.keys = keys;
  }

  public static Future<KeyRing> open(Vertx vertx, Path file, JwtSettings settings, Clock clock) {
    return vertx.executeBlocking(() -> new KeyRing(vertx, file, settings, clock, SigningKeys.loadOrCreate(file, clock)));
  }

  public String sign(AccessClaims claims) {
    return keys.sign(claims, settings);
  }

  public JsonObject jwks() {
    return keys.jwks();
  }

  public String currentKid() {
    return keys.currentKid();
  }

  /** A new current key; keys retired longer ago than a token lifetime are dropped. Answers the new JWKS. */
  public Future<JsonObject> rotate() {
    Duration keep = settings.accessTtl().plus(settings.clockSkew());
    return vertx.executeBlocking(() -> {
      SigningKeys rotated = SigningKeys.loadOrCreate(file, clock).rotate(clock)
        .retainNewerThan(clock.instant().minus(keep));
      rotated.save(file);
      keys = rotated;
      return rotated.jwks();
    });
  }
}
