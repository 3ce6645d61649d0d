package dev.tradewind.catalog.application;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

/**
 * The {@code catalog} section: when an import becomes a job and how jobs run, and how long hot reads and search
 * answers may be kept in memory (a bound that matters only for changes made by another process; this process's own changes evict at once).
 */
public record CatalogSettings(int importSyncMaxRows, long importJobPollMs, long importJobLeaseMs,
                              int importJobMaxAttempts, int productCacheEntries, long productCacheTtlMs,
                              long buyerPreferenceTtlMs, int searchCacheEntries, long searchCacheTtlMs) {
  public static CatalogSettings from(JsonObject config) {
    Settings s = Settings.of(config, "catalog");
    return new CatalogSettings(s.integer("importSyncMaxRows", 1, 10_000), s.number("importJobPollMs", 10, 60_000),
      s.number("importJobLeaseMs", 1_000, 3_600_000), s.integer("importJobMaxAttempts", 1, 100),
      s.integer("productCacheEntries", 0, 1_000_000), s.number("productCacheTtlMs", 0, 3_600_000),
      s.number("buyerPreferenceTtlMs", 0, 3_600_000), s.integer("searchCacheEntries", 0, 1_000_000),
      s.number("searchCacheTtlMs", 0, 3_600_000));
  }
}
