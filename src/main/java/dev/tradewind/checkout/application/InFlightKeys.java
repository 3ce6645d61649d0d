package dev.tradewind.checkout.application;

import dev.tradewind.shared.lifecycle.PerProcess;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Idempotency-Keys whose placements are queued or running in this process, with their request fingerprints, so a
 * duplicate sent meanwhile hears 409 (or 422 for another body) at once; and the keys answered with a refusal that is
 * not stored yet, with that refusal, so a duplicate hears it again rather than being decided afresh. A duplicate from
 * another process is caught by the key's unique row in the placement's transaction instead.
 */
final class InFlightKeys implements Shareable {
  private record Key(UUID buyerId, String key) {
  }

  /** Who holds a key: the request's fingerprint, and the refusal it was answered with while that is being stored. */
  record Holder(String fingerprint, PlacementBatcher.PlacementReply refusal) {
  }

  private final Map<Key, Holder> holders = new ConcurrentHashMap<>();

  /** The one set of this Vert.x instance, shared by its checkout verticles. */
  static InFlightKeys of(Vertx vertx) {
    return PerProcess.one(vertx, "checkout.in-flight-keys", InFlightKeys::new);
  }

  /** Null when this call now holds the key; otherwise who holds it. */
  Holder hold(UUID buyerId, String key, String fingerprint) {
    return holders.putIfAbsent(new Key(buyerId, key), new Holder(fingerprint, null));
  }

  /** The key was answered with {@code refusal}: it stays held, with that answer, until {@link #stored}. */
  void refused(UUID buyerId, String key, String fingerprint, PlacementBatcher.PlacementReply refusal) {
    holders.put(new Key(buyerId, key), new Holder(fingerprint, refusal));
  }

  /** The placement is over; a key answered with a refusal is kept until that is stored. */
  void release(UUID buyerId, String key) {
    holders.computeIfPresent(new Key(buyerId, key), (k, holder) -> holder.refusal() == null ? null : holder);
  }

  /** The refusal is stored (or given up on): a duplicate from now on is answered from the database. */
  void stored(UUID buyerId, String key) {
    holders.remove(new Key(buyerId, key));
  }
}
