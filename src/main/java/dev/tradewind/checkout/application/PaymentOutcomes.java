package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.domain.OrderStatus;
import dev.tradewind.payments.contract.PaymentCaptured;
import dev.tradewind.payments.contract.PaymentFailed;
import dev.tradewind.payments.contract.PaymentsContract;
import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.kafka.EventEnvelope;
import dev.tradewind.shared.kafka.KafkaEventConsumer;
import dev.tradewind.shared.lifecycle.ContextRuntime;
import io.vertx.core.Future;

import java.util.Set;
import java.util.UUID;

/**
 * Applies payments' events: a capture of exactly the amount due pays the order (the same path as an admin's
 * mark-paid); anything else, and every failed attempt, is recorded on the order as a note. Each event once (inbox).
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
      return once(event.eventId() != null ? event.eventId() : captured.eventId(), () -> captured(captured));
    }
    PaymentFailed failed = Json.convert(event.payload(), PaymentFailed.class);
    return once(event.eventId() != null ? event.eventId() : failed.eventId(), () -> workflow.note(failed.orderId(),
      new OrderWorkflow.Actor("PAYMENTS", String.valueOf(failed.paymentId())), "payment failed: " + failed.reason()));
  }

  private Future<Void> captured(PaymentCaptured captured) {
    OrderWorkflow.Actor payments = new OrderWorkflow.Actor("PAYMENTS", String.valueOf(captured.paymentId()));
    return workflow.apply(captured.orderId(), OrderWorkflow.Move.of(OrderAction.PAY, payments, "payment captured"),
        order -> {
          if (order.status() != OrderStatus.PENDING_PAYMENT || order.dueNow().compareTo(captured.amount()) != 0) {
            throw new AmountMismatch();
          }
        }, null)
      .<Void>mapEmpty()
      .recover(failure -> workflow.note(captured.orderId(), payments, "payment " + captured.amount()
        + " captured but not applied: " + (failure instanceof AmountMismatch ? "order not payable for that amount"
        : failure.getMessage()) + "; refund due"));
  }

  /**
   * The inbox row commits just after the effect's own transaction: a failed effect leaves the event unremembered
   * (retried); were the inbox commit lost, a redelivered capture finds the order paid and only adds a note.
   */
  private Future<Void> once(UUID eventId, java.util.function.Supplier<Future<Void>> effect) {
    return runtime.pool().withTransaction(tx -> runtime.inbox().firstDelivery(tx, CONSUMER, eventId)
      .compose(first -> first ? effect.get() : Future.succeededFuture()));
  }

  private static final class AmountMismatch extends RuntimeException {
    AmountMismatch() {
      super("amount mismatch", null, false, false);
    }
  }
}
