package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.tracking.contract.ShipmentDelivered;
import dev.tradewind.tracking.contract.TrackingContract;
import io.vertx.core.Future;

import java.util.Set;

/**
 * Marks fulfilments delivered from logistics' {@code ShipmentDelivered} events, each once (the inbox row commits
 * with the effect); a report that cannot apply is noted on the order.
 */
public final class DeliveryReports {
  private static final String CONSUMER = "checkout.delivery-reports";

  private final ContextRuntime runtime;
  private final OrderWorkflow workflow;

  public DeliveryReports(ContextRuntime runtime, OrderWorkflow workflow) {
    this.runtime = runtime;
    this.workflow = workflow;
  }

  public KafkaEventConsumer consumer() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(TrackingContract.SHIPMENT_DELIVERED.topic()), this::apply);
  }

  private Future<Void> apply(EventEnvelope event) {
    ShipmentDelivered delivered = Json.convert(event.payload(), ShipmentDelivered.class);
    OrderWorkflow.Actor logistics = new OrderWorkflow.Actor("LOGISTICS", delivered.carrier());
    return workflow.once(CONSUMER, event.eventId() != null ? event.eventId() : delivered.eventId(),
      tx -> workflow.applyOrNote(tx, delivered.orderId(), new OrderWorkflow.Move(OrderAction.DELIVER,
          delivered.fulfilmentId(), logistics, "carrier reported delivery", null, null),
        order -> order.fulfilments().stream().anyMatch(f -> f.id().equals(delivered.fulfilmentId())) ? null
          : "delivery report for fulfilment " + delivered.fulfilmentId() + " not applied: not part of this order",
        event.requestId()));
  }
}
