package dev.tradewind.checkout.application;

import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Idempotency-Keys whose placements are queued or running in this process, with their request fingerprints, so a
 * duplicate sent meanwhile hears 409 (or 422 for another body) at once. A duplicate from another process is caught by
 * the key's unique row in the placement's transaction instead.
 */
final class InFlightKeys implements Shareable {
  private record Key(UUID buyerId, String key) {
  }

  private final Map<Key, String> fingerprints = new ConcurrentHashMap<>();

  /** The one set of this Vert.x instance, shared by its checkout verticles. */
  static InFlightKeys of(Vertx vertx) {
    return PerProcess.one(vertx, "checkout.in-flight-keys", InFlightKeys::new);
  }

  /** Null when this call now holds the key; otherwise the fingerprint of the request that holds it. */
  String hold(UUID buyerId, String key, String fingerprint) {
    return fingerprints.putIfAbsent(new Key(buyerId, key), fingerprint);
  }

  void release(UUID buyerId, String key) {
    fingerprints.remove(new Key(buyerId, key));
  }
}
