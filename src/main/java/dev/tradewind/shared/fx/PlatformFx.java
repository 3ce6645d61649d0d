package dev.tradewind.shared.fx;

import dev.tradewind.shared.config.ConfigException;
import dev.tradewind.shared.config.Settings;
import dev.tradewind.shared.money.FxRateTable;
import dev.tradewind.shared.money.FxRates;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The FX rates every verticle of this process converts with: seeded from the {@code fx} configuration section
 * at start, replaced at run time by a {@link ReplaceFxRates} command. Readers take one snapshot per
 * conversion, so a replacement never tears a conversion in two.
 */
public final class PlatformFx {
  public static final String REPLACE_RATES = "fx.replace-rates";
  private static final String MAP = "tradewind.fx";

  private PlatformFx() {
  }

  private record Holder(FxRates rates) implements Shareable {
  }

  public static Future<FxRates> install(Vertx vertx, JsonObject config) {
    FxRates rates = new FxRates(fromConfig(config));
    vertx.sharedData().<String, Holder>getLocalMap(MAP).put("rates", new Holder(rates));
    return vertx.eventBus().<ReplaceFxRates>consumer(REPLACE_RATES, message -> replace(rates, message))
      .completion().map(rates);
  }

  public static FxRates of(Vertx vertx) {
    Holder holder = vertx.sharedData().<String, Holder>getLocalMap(MAP).get("rates");
    if (holder == null) {
      throw new IllegalStateException("FX rates are not installed on this Vert.x instance");
    }
    return holder.rates();
  }

  static FxRateTable fromConfig(JsonObject config) {
    Settings fx = Settings.of(config, "fx");
    Map<String, String> quotes = new HashMap<>();
    fx.raw().getJsonObject("rates", new JsonObject()).forEach(e -> quotes.put(e.getKey(), String.valueOf(e.getValue())));
    try {
      return FxRateTable.fromQuotes(fx.nonBlank("base"), quotes, fx.nonBlank("source"), Instant.parse(fx.nonBlank("asOf")));
    } catch (DateTimeParseException e) {
      throw new ConfigException("fx.asOf", "must be an ISO-8601 instant such as 2026-11-20T15:00:00Z");
    } catch (IllegalArgumentException e) {
      throw new ConfigException("fx.rates", "is invalid: " + e.getMessage());
    }
  }

  private static void replace(FxRates rates, Message<ReplaceFxRates> message) {
    ReplaceFxRates command = message.body();
    try {
      FxRateTable table = FxRateTable.fromQuotes(command.base(), command.rates(), command.source(), command.asOf());
      rates.replace(table);
      message.reply(command.rates().size());
    } catch (IllegalArgumentException | NullPointerException e) {
      message.fail(400, e.getMessage());
    }
  }
}
