package dev.tradewind.shared.outbox;

import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The outbox section")
class OutboxConfigTest {
  @Test
  @DisplayName("refuses consumers that forget an event sooner than the outbox keeps it for replay")
  void inboxOutlivesOutbox() {
    JsonObject config = withRetention(168, 100);

    assertThatThrownBy(() -> OutboxConfig.from(config)).isInstanceOf(ConfigException.class)
      .hasMessage("configuration outbox.inboxRetentionHours must be at least outbox.retentionHours (168), got 100");
  }

  @Test
  @DisplayName("accepts consumers that remember exactly as long as the outbox keeps events")
  void equalRetention() {
    assertThat(OutboxConfig.from(withRetention(168, 168)).inboxRetentionHours()).isEqualTo(168);
  }

  private static JsonObject withRetention(int outboxHours, int inboxHours) {
    JsonObject config = ConfigLoader.defaults().copy();
    config.getJsonObject("outbox").put("retentionHours", outboxHours).put("inboxRetentionHours", inboxHours);
    return config;
  }
}
