package dev.tradewind.shared.lifecycle;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;

import java.util.function.Supplier;

/**
 * One object per Vert.x instance, shared by every verticle instance deployed in it (several edges, several checkout
 * verticles): the first to ask creates it. The object must be safe to use from several event loops.
 */
public final class PerProcess {
  private static final String SHARED_MAP = "tradewind.per-process";

  private PerProcess() {
  }

  @SuppressWarnings("unchecked")
  public static <T extends Shareable> T one(Vertx vertx, String name, Supplier<T> create) {
    var shared = vertx.sharedData().<String, Shareable>getLocalMap(SHARED_MAP);
    T fresh = create.get();
    Shareable existing = shared.putIfAbsent(name, fresh);
    return existing == null ? fresh : (T) existing;
  }
}
