package dev.tradewind.edge;

import dev.tradewind.shared.config.Settings;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * The {@code http} section. {@code instances = 0} means one edge instance per event loop. {@code largeBodyLimitBytes}
 * applies only to operations the contract marks {@code x-large-body: true} (bulk uploads); every other operation
 * keeps {@code bodyLimitBytes}.
 */
public record HttpConfig(String host, int port, int instances, long bodyLimitBytes, long largeBodyLimitBytes,
                         long requestTimeoutMs, long shutdownGraceMs, List<String> corsAllowedOrigins,
                         int invalidTokensPerAddressPerMinute) {
  public static HttpConfig from(JsonObject config) {
    Settings s = Settings.of(config, "http");
    return new HttpConfig(s.nonBlank("host"), s.port("port"), s.integer("instances", 0, 256),
      s.number("bodyLimitBytes", 1_024, 100L * 1024 * 1024), s.number("largeBodyLimitBytes", 1_024, 100L * 1024 * 1024),
      s.number("requestTimeoutMs", 100, 600_000),
      s.number("shutdownGraceMs", 0, 600_000), s.strings("corsAllowedOrigins"),
      s.integer("invalidTokensPerAddressPerMinute", 1, 1_000_000));
  }
}
