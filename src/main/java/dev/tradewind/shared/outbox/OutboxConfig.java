package dev.tradewind.shared.outbox;

import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

/**
 * The {@code outbox} section: how often the relay looks, how much it takes at once, how long Kafka may take, how long
 * a sent event is kept before it is deleted, and how long consumers remember an event they processed.
 */
public record OutboxConfig(long pollIntervalMs, int batchSize, int publishTimeoutMs, int retentionHours,
                           int inboxRetentionHours) {
  public static OutboxConfig from(JsonObject config) {
    Settings s = Settings.of(config, "outbox");
    int retentionHours = s.integer("retentionHours", 1, 24 * 366);
    int inboxRetentionHours = s.integer("inboxRetentionHours", 1, 24 * 366);
    if (inboxRetentionHours < retentionHours) {
      // An event replayed by hand from the outbox must still be recognised by the consumers that processed it.
      throw new ConfigException("outbox.inboxRetentionHours", "must be at least outbox.retentionHours ("
        + retentionHours + "), got " + inboxRetentionHours);
    }
    return new OutboxConfig(s.number("pollIntervalMs", 10, 60_000), s.integer("batchSize", 1, 10_000),
      s.integer("publishTimeoutMs", 1_000, 300_000), retentionHours, inboxRetentionHours);
  }
}
