package dev.tradewind;

import dev.tradewind.demo.DemoData;
import dev.tradewind.shared.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a person starting Tradewind needs to see: where it listens, and the demo accounts when loaded. */
final class Banner {
  private static final Logger LOG = LoggerFactory.getLogger(Tradewind.class);

  private Banner() {
  }

  static void print(Platform platform) {
    Settings http = Settings.of(platform.config(), "http");
    String host = http.string("host").equals("0.0.0.0") ? "localhost" : http.string("host");
    String base = "http://" + host + ":" + http.port("port");
    StringBuilder text = new StringBuilder("\n\nTradewind is up\n")
      .append("  API       ").append(base).append("/api/v1\n")
      .append("  Contract  ").append(base).append("/api/v1/openapi.json\n")
      .append("  Docs      ").append(base).append("/docs\n")
      .append("  Health    ").append(base).append("/health/ready\n")
      .append("  Metrics   ").append(base).append("/metrics\n");
    if (Settings.of(platform.config(), "demo").bool("enabled")) {
      text.append("\nDemo accounts (development only; never use these passwords anywhere else):\n");
      DemoData.ACCOUNTS.forEach(a -> text.append(String.format("  %-16s %-32s %s%n", a.label(), a.email(), a.password())));
    }
    LOG.info(text.toString());
  }
}
