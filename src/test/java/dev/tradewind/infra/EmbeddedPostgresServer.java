package dev.tradewind.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL server (the zonky binaries), started by the project itself. Development keeps its data
 * directory between runs; tests start on a fresh directory and a free port, with durability settings relaxed
 * because a test database never needs to survive a power cut.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  public static final String DATABASE = "tradewind";
  public static final String USER = "tradewind";

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  public static EmbeddedPostgresServer persistent(Path dataDir, int port, String password) throws IOException, SQLException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
      .setDataDirectory(dataDir)
      .setCleanDataDirectory(false)
      .setPort(port);
    return start(tuned(builder, false), password);
  }

  public static EmbeddedPostgresServer ephemeral(String password) throws IOException, SQLException {
    return start(tuned(EmbeddedPostgres.builder(), true), password);
  }

  private static EmbeddedPostgres.Builder tuned(EmbeddedPostgres.Builder builder, boolean throwaway) {
    // per-user unpack directory: a root run must not leave a shared one an ordinary user cannot write
    builder.setOverrideWorkingDirectory(new java.io.File(System.getProperty("java.io.tmpdir"),
        "tradewind-embedded-pg-" + System.getProperty("user.name")))
      .setServerConfig("max_connections", "300")
      .setServerConfig("shared_buffers", "256MB")
      .setServerConfig("listen_addresses", "127.0.0.1")
      .setRegisterShutdownHook(true)
      .setPGStartupWait(java.time.Duration.ofSeconds(60));
    if (throwaway) {
      builder.setServerConfig("full_page_writes", "off");
    } else {
      // zonky starts PostgreSQL with -F and synchronous_commit=off; a database people keep data in must be durable
      builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
    }
    return builder;
  }

  private static EmbeddedPostgresServer start(EmbeddedPostgres.Builder builder, String password) throws IOException, SQLException {
    EmbeddedPostgres postgres = builder.start();
    ensureDatabase(postgres, password);
    return new EmbeddedPostgresServer(postgres, password);
  }

  private static void ensureDatabase(EmbeddedPostgres postgres, String password) throws SQLException {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      boolean roleExists = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER);
      String quoted = "'" + password.replace("'", "''") + "'";
      s.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + USER + " LOGIN PASSWORD " + quoted);
      if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
        s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
      }
    }
  }

  private static boolean exists(Connection c, String sql, String name) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, name);
      return ps.executeQuery().next();
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String password() {
    return password;
  }

  /** The {@code db} configuration section that points the platform at this server. */
  public Map<String, Object> dbConfig() {
    return Map.of("host", "127.0.0.1", "port", port(), "database", DATABASE, "user", USER, "password", password);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
