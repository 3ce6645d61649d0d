package dev.tradewind.checkout;

import dev.tradewind.checkout.api.CartApi;
import dev.tradewind.checkout.api.CheckoutCommands;
import dev.tradewind.checkout.api.InventoryApi;
import dev.tradewind.checkout.api.OrderApi;
import dev.tradewind.checkout.api.QuoteEndpoints;
import dev.tradewind.checkout.application.CartSweeper;
import dev.tradewind.checkout.application.Carts;
import dev.tradewind.checkout.application.CheckoutSettings;
import dev.tradewind.checkout.application.DeliveryReports;
import dev.tradewind.checkout.application.ExpirySweeper;
import dev.tradewind.checkout.application.Inventory;
import dev.tradewind.checkout.application.OrderActions;
import dev.tradewind.checkout.application.OrderQueries;
import dev.tradewind.checkout.application.OrderWorkflow;
import dev.tradewind.checkout.application.PaymentOutcomes;
import dev.tradewind.checkout.application.PlaceOrder;
import dev.tradewind.checkout.application.PlacementBatcher;
import dev.tradewind.checkout.application.QuoteSettings;
import dev.tradewind.checkout.application.QuoteStore;
import dev.tradewind.checkout.application.SkuGate;
import dev.tradewind.checkout.application.StockEvents;
import dev.tradewind.checkout.infra.CartRepository;
import dev.tradewind.checkout.infra.IdempotencyRepository;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.db.Database;
import dev.tradewind.shared.db.DbConfig;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Wires carts, inventory, order placement, the lifecycle, the sweeper and the payment/delivery consumers of checkout. */
public final class CheckoutWiring {
  private CheckoutWiring() {
  }

  public static Future<Void> wire(ContextRuntime runtime, Consumer<Supplier<Future<?>>> closeOnStop) {
    Clock clock = Clock.systemUTC();
    CheckoutSettings settings = CheckoutSettings.from(runtime.config());
    StockRepository stock = new StockRepository();
    OrderRepository orders = new OrderRepository();
    IdempotencyRepository keys = new IdempotencyRepository();
    StockEvents stockEvents = new StockEvents(stock);
    SkuGate gate = SkuGate.of(runtime.vertx(), settings.soldOutMemoryMs());
    Inventory inventory = new Inventory(runtime, stock, stockEvents, gate, clock);
    OrderWorkflow workflow = new OrderWorkflow(runtime, orders, stock, stockEvents, clock);
    PlacementBatcher batcher = new PlacementBatcher(runtime, orders, stock, keys, new CartRepository(), stockEvents, gate,
      settings, clock);
    SqlClient lookupLane = Database.lane(runtime.vertx(), DbConfig.from(runtime.config()), "checkout-key-lookups",
      settings.keyLookupConnections());
    closeOnStop.accept(lookupLane::close);
    QuoteStore quotes = QuoteStore.of(runtime.vertx(), QuoteSettings.from(runtime.config()));
    PlaceOrder place = new PlaceOrder(runtime.vertx(), runtime.pool(), lookupLane, quotes, keys, batcher, gate, clock);
    OrderQueries queries = new OrderQueries(runtime.pool(), orders);
    Carts carts = Carts.create(runtime);
    new CartApi(carts).register(runtime.api());
    CartSweeper.startFor(runtime);
    Future<?> quoting = QuoteEndpoints.wire(runtime, carts::linesFor);
    new InventoryApi(inventory).register(runtime.api());
    new OrderApi(place, queries, new OrderActions(runtime.pool(), orders, workflow, runtime.outbox(), clock)).register(runtime.api());
    ExpirySweeper sweeper = new ExpirySweeper(runtime, orders, stock, stockEvents, settings, clock);
    long timer = runtime.vertx().setPeriodic(settings.sweepIntervalMs(), t -> sweeper.sweep());
    closeOnStop.accept(() -> Future.succeededFuture(runtime.vertx().cancelTimer(timer)));
    List<KafkaEventConsumer> consumers = List.of(new PaymentOutcomes(runtime, workflow).consumer(),
      new DeliveryReports(runtime, workflow).consumer());
    consumers.forEach(c -> closeOnStop.accept(c::stop));
    return quoting.compose(v -> new CheckoutCommands(runtime.vertx(), inventory, queries).register())
      .compose(v -> Future.all(consumers.stream().map(KafkaEventConsumer::start).toList()).mapEmpty());
  }
}
