package dev.tradewind.catalog.application;

import dev.tradewind.catalog.infra.PurchaseRepository;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.OrderPaid;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps the catalogue's record of who bought which product, from checkout's {@code OrderPaid} events on Kafka,
 * each applied once (the inbox remembers event ids in the same transaction). It is what makes a buyer eligible to
 * review: the catalogue never reads checkout's tables.
 */
public final class PurchaseLedger {
  private static final String CONSUMER = "catalog.purchase-ledger";

  private final ContextRuntime runtime;
  private final PurchaseRepository purchases;

  public PurchaseLedger(ContextRuntime runtime, PurchaseRepository purchases) {
    this.runtime = runtime;
    this.purchases = purchases;
  }

  public KafkaEventConsumer consumer() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(CheckoutContract.ORDER_PAID.topic()), this::apply);
  }

  private Future<Void> apply(EventEnvelope event) {
    OrderPaid paid = Json.convert(event.payload(), OrderPaid.class);
    UUID eventId = event.eventId() != null ? event.eventId() : paid.eventId();
    List<OrderPaid.PaidLine> sold = paid.lines().stream().filter(line -> line.productId() != null).toList();
    Set<UUID> products = sold.stream().map(OrderPaid.PaidLine::productId).collect(Collectors.toSet());
    if (products.isEmpty()) {
      return Future.succeededFuture();
    }
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, eventId)
      .compose(first -> first ? purchases.record(tx, paid.buyerId(), products, paid.occurredAt())
        .compose(v -> purchases.countSold(tx, sold.stream().map(OrderPaid.PaidLine::productId).toList(),
          sold.stream().map(OrderPaid.PaidLine::quantity).toList()))
        : Future.succeededFuture()));
  }
}
