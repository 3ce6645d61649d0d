package dev.tradewind.shared.lifecycle;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;

/** Where the platform is in its life, shared by every verticle of this process. */
public final class PlatformState {
  public static final String STARTING = "STARTING";
  public static final String READY = "READY";
  public static final String DRAINING = "DRAINING";

  private PlatformState() {
  }

  public static String of(Vertx vertx) {
    return map(vertx).getOrDefault("state", STARTING);
  }

  public static void set(Vertx vertx, String state) {
    map(vertx).put("state", state);
  }

  private static LocalMap<String, String> map(Vertx vertx) {
    return vertx.sharedData().getLocalMap("tradewind.platform");
  }
}
