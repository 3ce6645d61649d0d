package dev.tradewind;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

/** The {@code contexts} section: how many instances of each context verticle to deploy. */
record ContextsConfig(int identity, int catalog, int checkout, int payments, int tracking) {
  static ContextsConfig from(JsonObject config) {
    Settings s = Settings.of(config, "contexts");
    return new ContextsConfig(s.integer("identityInstances", 1, 64), s.integer("catalogInstances", 1, 64),
      s.integer("checkoutInstances", 1, 64), s.integer("paymentsInstances", 1, 64), s.integer("trackingInstances", 1, 64));
  }
}
