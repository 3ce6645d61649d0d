package dev.tradewind.dev;

import dev.tradewind.Platform;
import dev.tradewind.Tradewind;
import dev.tradewind.infra.EmbeddedKafkaBroker;
import dev.tradewind.infra.EmbeddedPostgresServer;
import dev.tradewind.shared.config.ConfigLoader;
import dev.tradewind.shared.config.Settings;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The development launcher behind {@code scripts/run}. Where no database URL or Kafka servers are configured it
 * starts a real PostgreSQL and a real Kafka broker itself, keeping their data (and a generated database
 * password) under {@code embedded.dataDir}, then runs the platform exactly as production does. It lives on the
 * test class path so the production jar carries none of it.
 */
public final class DevTradewind {
  private static final Logger LOG = LoggerFactory.getLogger(DevTradewind.class);

  private DevTradewind() {
  }

  public static void main(String[] args) throws Exception {
    JsonObject config = ConfigLoader.load(args, System.getenv());
    Settings embedded = Settings.of(config, "embedded");
    Path dataDir = Path.of(embedded.string("dataDir")).toAbsolutePath();
    List<AutoCloseable> started = new ArrayList<>();
    if (Settings.of(config, "db").string("url").isBlank()) {
      String password = secret(dataDir.resolve("secrets/db-password"));
      EmbeddedPostgresServer pg = EmbeddedPostgresServer.persistent(dataDir.resolve("postgres"),
        embedded.port("postgresPort"), password);
      started.add(pg);
      config.getJsonObject("db").put("url", "postgresql://" + EmbeddedPostgresServer.USER + "@127.0.0.1:" + pg.port()
        + "/" + EmbeddedPostgresServer.DATABASE).put("password", password);
      LOG.info("embedded PostgreSQL on 127.0.0.1:{}, data in {}", pg.port(), dataDir.resolve("postgres"));
    }
    if (Settings.of(config, "kafka").string("bootstrapServers").isBlank()) {
      int port = embedded.port("kafkaPort");
      EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(dataDir.resolve("kafka"), port, port + 1).start();
      started.add(kafka);
      config.getJsonObject("kafka").put("bootstrapServers", kafka.bootstrapServers());
      LOG.info("embedded Kafka on {}, data in {}", kafka.bootstrapServers(), dataDir.resolve("kafka"));
    }
    Collections.reverse(started);
    Tradewind.launch(config, () -> started.forEach(DevTradewind::closeQuietly), DevTradewind::benchBaseline);
  }

  /** With {@code BENCH_BASELINE_PORT} set, the benchmark's yardstick route runs beside the platform, on every event loop. */
  private static void benchBaseline(Platform platform) {
    String port = System.getenv(BenchBaselineVerticle.PORT_VARIABLE);
    if (port == null || port.isBlank()) {
      return;
    }
    platform.vertx().deployVerticle(() -> new BenchBaselineVerticle(Integer.parseInt(port.trim())),
        new DeploymentOptions().setConfig(platform.config()).setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
      .onSuccess(id -> LOG.info("bench baseline on http://127.0.0.1:{}/baseline/products/:id", port.trim()))
      .onFailure(failure -> LOG.error("bench baseline did not start: {}", failure.toString()));
  }

  /** Reads a generated secret, creating it (readable by the owner only) on first use. */
  static String secret(Path file) throws java.io.IOException {
    if (Files.exists(file)) {
      return Files.readString(file).trim();
    }
    Files.createDirectories(file.getParent());
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Files.writeString(file, value);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return value;
  }

  private static void closeQuietly(AutoCloseable resource) {
    try {
      resource.close();
    } catch (Exception e) {
      LOG.warn("could not stop {}: {}", resource.getClass().getSimpleName(), e.toString());
    }
  }
}
