package dev.tradewind.shared.fx;

import dev.tradewind.shared.bus.RecordCodec;
import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.ConfigLoader;
import dev.tradewind.shared.money.Conversion;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The platform converts with rates seeded from configuration and replaceable while it runs")
class PlatformFxTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  @DisplayName("the packaged rates convert EUR to JPY and say where the rate came from")
  void seededFromConfig() throws Exception {
    install(ConfigLoader.defaults());
    Conversion c = PlatformFx.of(vertx).convert(Money.of("100.00", "EUR"), CurrencyCode.of("JPY"));
    assertThat(c.result()).isEqualTo(Money.of("16247", "JPY"));
    assertThat(c.rateSource()).contains("ECB");
    assertThat(c.rateAsOf()).isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
  }

  @Test
  @DisplayName("a replacement sent over the event bus is used by the very next conversion")
  void replacedAtRunTime() throws Exception {
    install(ConfigLoader.defaults());
    RecordCodec.register(vertx.eventBus());
    Instant asOf = Instant.parse("2026-11-24T16:00:00Z");
    Object count = await(vertx.eventBus().request(PlatformFx.REPLACE_RATES,
      new ReplaceFxRates("EUR", Map.of("USD", "1.2000"), "test desk", asOf))).body();
    assertThat(count).isEqualTo(1);
    Conversion c = PlatformFx.of(vertx).convert(Money.of("10.00", "EUR"), CurrencyCode.of("USD"));
    assertThat(c.result()).isEqualTo(Money.of("12.00", "USD"));
    assertThat(c.rateSource()).isEqualTo("test desk");
  }

  @Test
  @DisplayName("an invalid replacement is refused with the offending key and the old rates stay")
  void invalidReplacementRefused() throws Exception {
    install(ConfigLoader.defaults());
    RecordCodec.register(vertx.eventBus());
    assertThatThrownBy(() -> await(vertx.eventBus().request(PlatformFx.REPLACE_RATES,
      new ReplaceFxRates("EUR", Map.of("USD", "-1"), "bad desk", Instant.now()))))
      .hasCauseInstanceOf(ReplyException.class).hasMessageContaining("USD");
    assertThat(PlatformFx.of(vertx).current().rate(CurrencyCode.of("EUR"), CurrencyCode.of("USD")).rate())
      .isEqualByComparingTo("1.0812");
  }

  @Test
  @DisplayName("a bad rate in the configuration stops the start with the key named")
  void badConfigNamesKey() {
    JsonObject config = ConfigLoader.defaults();
    config.getJsonObject("fx").getJsonObject("rates").put("GBP", "zero");
    assertThatThrownBy(() -> PlatformFx.fromConfig(config)).isInstanceOf(ConfigException.class)
      .hasMessageContaining("fx.rates").hasMessageContaining("GBP");
  }

  private void install(JsonObject config) throws Exception {
    await(PlatformFx.install(vertx, config));
  }

  private static <T> T await(io.vertx.core.Future<T> f) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
