package dev.tradewind.infra;

import dev.tradewind.Platform;
import dev.tradewind.shared.config.ConfigLoader;
import dev.tradewind.shared.db.DbConfig;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The running platform integration tests talk to: a real PostgreSQL, a real Kafka broker and Tradewind itself,
 * started once per test JVM on free ports and stopped when the JVM exits. Tests reach it only as clients do
 * (HTTP, Kafka) plus a separate pool for looking at and cleaning the database.
 */
public final class TestPlatform {
  private static final Set<String> CONTEXT_SCHEMAS = Set.of("identity", "catalog", "checkout", "payments", "tracking");
  private static final Path SIGNING_KEYS = tempDir().resolve("jwt-signing-keys.json");
  /** Failed sign-ins per address per minute: above what all tests fail from 127.0.0.1; the throttling test exceeds it. */
  public static final int LOGIN_ATTEMPTS_PER_ADDRESS = 200;
  /** Seeded at start-up like migrations, so kept between tests. */
  private static final Set<String> REFERENCE_DATA = Set.of("catalog.categories", "checkout.shipping_zones",
    "checkout.shipping_rates", "checkout.tax_rules", "checkout.duty_rules", "checkout.duty_rates");
  private static TestPlatform shared;
  private EventsOnKafka events;

  private final EmbeddedPostgresServer postgres;
  private final EmbeddedKafkaBroker kafka;
  private final Platform platform;
  private final JsonObject config;
  private final Vertx clientVertx = Vertx.vertx();
  private final Pool pool;

  private TestPlatform(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, Platform platform, JsonObject config) {
    this.postgres = postgres;
    this.kafka = kafka;
    this.platform = platform;
    this.config = config;
    this.pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
      .connectingTo(DbConfig.from(config).connectOptions()).using(clientVertx).build();
  }

  public static synchronized TestPlatform get() {
    if (shared == null) {
      shared = start();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-platform-stop"));
    }
    return shared;
  }

  private static TestPlatform start() {
    try {
      EmbeddedPostgresServer postgres = EmbeddedPostgresServer.ephemeral(UUID.randomUUID().toString());
      Path kafkaDir = Files.createTempDirectory("tradewind-kafka");
      EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(kafkaDir, freePort(), freePort()).start();
      JsonObject config = configFor(postgres, kafka, freePort());
      Platform platform = Platform.start(config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      return new TestPlatform(postgres, kafka, platform, config);
    } catch (Exception e) {
      throw new IllegalStateException("the test platform did not start", e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tradewind-secrets");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A complete configuration pointing at this run's database and broker, as a second instance would get. */
  public static JsonObject configFor(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, int httpPort) {
    JsonObject config = ConfigLoader.load(new String[0], Map.of());
    config.getJsonObject("http").put("port", httpPort).put("instances", 2).put("host", "127.0.0.1");
    config.getJsonObject("db").put("url", "postgresql://" + EmbeddedPostgresServer.USER + "@127.0.0.1:" + postgres.port()
      + "/" + EmbeddedPostgresServer.DATABASE).put("password", postgres.password());
    config.getJsonObject("kafka").put("bootstrapServers", kafka.bootstrapServers());
    config.getJsonObject("outbox").put("pollIntervalMs", 100);
    config.getJsonObject("identity").put("signingKeysFile", SIGNING_KEYS.toString())
      .put("loginAttemptsPerAddressPerMinute", LOGIN_ATTEMPTS_PER_ADDRESS);
    return config;
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + config.getJsonObject("http").getInteger("port");
  }

  public Http http() {
    return new Http(baseUrl());
  }

  public JsonObject config() {
    return config.copy();
  }

  public EmbeddedPostgresServer postgres() {
    return postgres;
  }

  public EmbeddedKafkaBroker kafka() {
    return kafka;
  }

  public java.nio.file.Path signingKeysFile() {
    return SIGNING_KEYS;
  }

  /** The platform's own Vert.x, for talking to a context over its event bus as another context would. */
  public Vertx platformVertx() {
    return platform.vertx();
  }

  public Vertx clientVertx() {
    return clientVertx;
  }

  public Pool pool() {
    return pool;
  }

  /** Runs SQL against the platform's database and returns the rows, for assertions. */
  public List<Row> query(String sql, Object... params) {
    try {
      return pool.preparedQuery(sql).execute(io.vertx.sqlclient.Tuple.from(params))
        .map(rows -> {
          List<Row> out = new ArrayList<>();
          rows.forEach(out::add);
          return out;
        }).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  /** Empties every context's tables (not their migration history) so each test starts from nothing. */
  public void cleanDatabase() {
    List<Row> tables = query("SELECT schemaname, tablename FROM pg_tables WHERE schemaname = ANY($1) AND tablename NOT IN ('schema_history', 'shared_schema_history')"
        + " AND schemaname || '.' || tablename <> ALL($2)",
      CONTEXT_SCHEMAS.toArray(String[]::new), REFERENCE_DATA.toArray(String[]::new));
    if (tables.isEmpty()) {
      return;
    }
    String list = String.join(", ", tables.stream().map(r -> r.getString(0) + "." + r.getString(1)).toList());
    for (int attempt = 1; ; attempt++) {
      try {
        query("TRUNCATE " + list + " CASCADE");
        return;
      } catch (IllegalStateException e) {
        // A consumer still applying the last test's events may lock its tables in another order: a deadlock, retried.
        if (attempt == 3 || !String.valueOf(e.getCause()).contains("40P01")) {
          throw e;
        }
      }
    }
  }

  /** Another context's events published to Kafka, one producer for the whole run (closed when the platform stops). */
  public synchronized EventsOnKafka events() {
    if (events == null) {
      events = new EventsOnKafka(this);
    }
    return events;
  }

  private void stop() {
    if (events != null) {
      events.close();
    }
    try {
      platform.stop(Duration.ofSeconds(30));
    } catch (Exception e) {
      System.err.println("test platform stop: " + e);
    }
    clientVertx.close();
    kafka.stop();
    try {
      postgres.close();
    } catch (IOException e) {
      System.err.println("test postgres stop: " + e);
    }
  }
}
