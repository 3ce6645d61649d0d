package dev.tradewind.checkout.api;

import dev.tradewind.checkout.application.CartLinesSource;
import dev.tradewind.checkout.application.QuoteSettings;
import dev.tradewind.checkout.application.QuoteStore;
import dev.tradewind.checkout.application.Quoting;
import dev.tradewind.checkout.infra.TariffRepository;
import dev.tradewind.shared.fx.PlatformFx;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.time.Clock;

/** Wires quoting into the checkout verticle: HTTP operations, the bus command, the tariff tables read at start. */
public final class QuoteEndpoints {
  private QuoteEndpoints() {
  }

  public static Future<Quoting> wire(ContextRuntime runtime, CartLinesSource carts) {
    QuoteSettings settings = QuoteSettings.from(runtime.config());
    Quoting quoting = new Quoting(runtime.vertx(), runtime.pool(), new TariffRepository(),
      QuoteStore.of(runtime.vertx(), settings), PlatformFx.of(runtime.vertx()), carts, settings, Clock.systemUTC());
    new QuoteApi(quoting).register(runtime.api());
    return quoting.tariffs()
      .compose(book -> new QuoteCommands(runtime.vertx(), quoting).register())
      .map(quoting);
  }
}
