package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.payments.contract.PaymentCaptured;
import dev.tradewind.payments.contract.PaymentFailed;
import dev.tradewind.payments.contract.PaymentsContract;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;

import java.util.Set;

/**
 * Applies payments' events: a capture of exactly the amount due pays the order (the same path as an admin's
 * mark-paid); anything else, and every failed attempt, is recorded on the order as a note. Each event once: the
 * inbox row commits with the effect.
 */
public final class PaymentOutcomes {
  private static final String CONSUMER = "checkout.payment-outcomes";

  private final ContextRuntime runtime;
  private final OrderWorkflow workflow;

  public PaymentOutcomes(ContextRuntime runtime, OrderWorkflow workflow) {
    this.runtime = runtime;
    this.workflow = workflow;
  }

  public KafkaEventConsumer consumer() {
    return new KafkaEventConsumer(runtime.vertx(), runtime.kafka(), CONSUMER,
      Set.of(PaymentsContract.PAYMENT_CAPTURED.topic(), PaymentsContract.PAYMENT_FAILED.topic()), this::apply);
  }

  private Future<Void> apply(EventEnvelope event) {
    if (event.topic().equals(PaymentsContract.PAYMENT_CAPTURED.topic())) {
      PaymentCaptured captured = Json.convert(event.payload(), PaymentCaptured.class);
      OrderWorkflow.Actor payments = new OrderWorkflow.Actor("PAYMENTS", String.valueOf(captured.paymentId()));
      return workflow.once(CONSUMER, event.eventId() != null ? event.eventId() : captured.eventId(),
        tx -> workflow.applyOrNote(tx, captured.orderId(), OrderWorkflow.Move.of(OrderAction.PAY, payments,
          "payment captured"), order -> objection(order, captured.amount()), event.requestId()));
    }
    PaymentFailed failed = Json.convert(event.payload(), PaymentFailed.class);
    return workflow.once(CONSUMER, event.eventId() != null ? event.eventId() : failed.eventId(),
      tx -> workflow.note(tx, failed.orderId(), new OrderWorkflow.Actor("PAYMENTS", String.valueOf(failed.paymentId())),
        "payment failed: " + failed.reason()));
  }

  /** Why a capture cannot pay the order, or null. The money was taken either way, so a refund is due when it cannot. */
  private static String objection(Order order, Money captured) {
    if (order.status() != OrderStatus.PENDING_PAYMENT) {
      return "payment " + captured + " captured but not applied: the order is " + order.status() + "; refund due";
    }
    Money due = order.dueNow();
    if (captured == null || !captured.currency().equals(due.currency()) || captured.compareTo(due) != 0) {
      return "payment " + captured + " captured but not applied: " + due + " is due; refund due";
    }
    return null;
  }
}
