package dev.tradewind.identity;

import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.shared.kafka.KafkaSettings;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A buyer registers, and the platform tells the world once the account exists")
class RegistrationIT {
  private static TestPlatform platform;
  private static Http http;

  @BeforeAll
  static void start() {
    platform = TestPlatform.get();
    http = platform.http();
  }

  @BeforeEach
  void clean() {
    platform.cleanDatabase();
  }

  @Test
  @DisplayName("registration answers 201 with the profile and never the password")
  void registers() {
    Response r = http.postJson("/api/v1/auth/register", registration("Mia.Klein@Example.com"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonObject account = r.json();
    assertThat(account.getString("email")).isEqualTo("Mia.Klein@Example.com");
    assertThat(account.getString("country")).isEqualTo("DE");
    assertThat(account.getJsonArray("roles").getList()).containsExactly("BUYER");
    assertThat(r.body()).doesNotContain("passphrase").doesNotContainIgnoringCase("hash");
    assertThat(r.header("location")).isEqualTo("/api/v1/users/" + account.getString("id"));
  }

  @Test
  @DisplayName("the password is stored as an Argon2id hash at OWASP's minimum cost")
  void passwordIsHashed() {
    http.postJson("/api/v1/auth/register", registration("hash@example.com"));
    Row row = platform.query("SELECT password_hash FROM identity.users WHERE email_normalized = 'hash@example.com'").get(0);
    assertThat(row.getString(0)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
  }

  @Test
  @DisplayName("the same email in another letter case is 409 and creates nothing")
  void emailIsUniqueInAnyCase() {
    assertThat(http.postJson("/api/v1/auth/register", registration("dup@example.com")).status()).isEqualTo(201);
    Response again = http.postJson("/api/v1/auth/register", registration("DUP@Example.COM"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("type")).isEqualTo("urn:tradewind:problem:conflict");
    assertThat(platform.query("SELECT count(*) FROM identity.users").get(0).getLong(0)).isEqualTo(1);
  }

  @Test
  @DisplayName("every broken rule is reported with its field: short or common password, bad email, unknown country")
  void rulesAreReportedByField() {
    JsonObject body = registration("not-an-email").put("password", "password123").put("country", "XX");
    Response r = http.postJson("/api/v1/auth/register", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field") + ":"
      + ((JsonObject) e).getString("rule")).toList())
      .containsExactlyInAnyOrder("email:format", "password:not-common", "country:iso3166");
    Response tooShort = http.postJson("/api/v1/auth/register", registration("short@example.com").put("password", "abc12345"));
    assertThat(tooShort.json().getJsonArray("errors").getJsonObject(0).getString("rule")).isEqualTo("length");
  }

  @Test
  @DisplayName("UserRegistered reaches Kafka keyed by the user, with the event id and the request id, and no personal data")
  void userRegisteredReachesKafka() throws Exception {
    String requestId = "reg-" + UUID.randomUUID();
    Response r = http.postJson("/api/v1/auth/register", registration("kafka@example.com"), "X-Request-Id", requestId);
    String userId = r.json().getString("id");

    ConsumerRecord<String, String> record = find("identity.user-registered.v1", userId);
    JsonObject event = new JsonObject(record.value());
    assertThat(event.getString("userId")).isEqualTo(userId);
    assertThat(event.getString("country")).isEqualTo("DE");
    assertThat(event.getInteger("schemaVersion")).isEqualTo(1);
    assertThat(record.value()).doesNotContain("kafka@example.com").doesNotContain("Mia");
    assertThat(header(record, "event-id")).isEqualTo(event.getString("eventId"));
    assertThat(header(record, "x-request-id")).isEqualTo(requestId);
    assertThat(platform.query("SELECT count(*) FROM identity.outbox WHERE sent_at IS NULL").get(0).getLong(0)).isZero();
  }

  private static JsonObject registration(String email) {
    return new JsonObject().put("email", email).put("password", "correct horse battery passphrase")
      .put("name", "Mia Klein").put("country", "de").put("currency", "EUR").put("language", "de");
  }

  private static ConsumerRecord<String, String> find(String topic, String key) {
    KafkaSettings kafka = KafkaSettings.from(platform.config());
    Map<String, Object> props = Map.of("bootstrap.servers", kafka.bootstrapServers(),
      "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
      "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() < deadline) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (!partitions.isEmpty()) {
          consumer.assign(partitions);
          consumer.seekToBeginning(partitions);
          for (int i = 0; i < 10; i++) {
            for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(300))) {
              if (key.equals(rec.key())) {
                return rec;
              }
            }
          }
        }
      }
    }
    throw new AssertionError("no event keyed " + key + " on " + topic);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    var h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }
}
