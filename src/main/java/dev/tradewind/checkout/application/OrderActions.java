package dev.tradewind.checkout.application;

import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.domain.Order;
import dev.tradewind.checkout.domain.OrderAction;
import dev.tradewind.checkout.infra.OrderRepository;
import dev.tradewind.identity.contract.AuditEntry;
import dev.tradewind.identity.contract.AuditEntryReported;
import dev.tradewind.identity.contract.AuditTrailContract;
import dev.tradewind.shared.api.Caller;
import dev.tradewind.shared.auth.ObjectAccess;
import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.outbox.EventChannel;
import dev.tradewind.shared.outbox.OutboxRepository;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

import java.time.Clock;
import java.util.UUID;

/** The lifecycle moves people make over HTTP, each checked against who may make it; admin moves are audited. */
public final class OrderActions {
  private static final EventChannel<AuditEntryReported> AUDIT = AuditTrailContract.reported(CheckoutContract.CONTEXT);
  /** Six bytes each at worst as JSON ({@code \u001f}), so 600 stay well inside the trail's 4 KiB of details. */
  private static final int AUDITED_REASON_CHARS = 600;

  private final Pool pool;
  private final OrderRepository orders;
  private final OrderWorkflow workflow;
  private final OutboxRepository outbox;
  private final Clock clock;

  public OrderActions(Pool pool, OrderRepository orders, OrderWorkflow workflow, OutboxRepository outbox, Clock clock) {
    this.pool = pool;
    this.orders = orders;
    this.workflow = workflow;
    this.outbox = outbox;
    this.clock = clock;
  }

  public Future<JsonObject> buyer(Caller caller, UUID orderId, OrderAction action, String reason, String requestId) {
    return workflow.apply(orderId, OrderWorkflow.Move.of(action, actor("BUYER", caller), reason),
      order -> ObjectAccess.requireOwner(caller, order.buyerId(), "order"), requestId).map(OrderView::of);
  }

  public Future<JsonObject> merchant(Caller caller, UUID fulfilmentId, OrderAction action, String reason, String carrier,
                                     String trackingNumber, String requestId) {
    return orders.fulfilmentOwner(pool, fulfilmentId).compose(owner -> {
      UUID[] ids = owner.orElseThrow(() -> ObjectAccess.notFound("fulfilment"));
      ObjectAccess.requireMerchant(caller, ids[1], Permission.MERCHANT_ORDERS_HANDLE, "fulfilment");
      return workflow.apply(ids[0], new OrderWorkflow.Move(action, fulfilmentId, actor("MERCHANT", caller), reason,
          carrier, trackingNumber), order -> { }, requestId)
        .map(order -> OrderView.merchantView(order, fulfilmentId));
    });
  }

  public Future<JsonObject> markPaid(Caller caller, UUID orderId, String reason, String clientAddress, String requestId) {
    return workflow.apply(orderId, OrderWorkflow.Move.of(OrderAction.PAY, actor("ADMIN", caller), reason), o -> { },
        tx -> audited(tx, caller, "order.mark-paid", "order", orderId, reason, clientAddress, requestId), requestId)
      .map(OrderView::of);
  }

  public Future<JsonObject> markDelivered(Caller caller, UUID fulfilmentId, String reason, String clientAddress,
                                          String requestId) {
    return orders.fulfilmentOwner(pool, fulfilmentId).compose(owner -> {
      UUID[] ids = owner.orElseThrow(() -> ObjectAccess.notFound("fulfilment"));
      return workflow.apply(ids[0], new OrderWorkflow.Move(OrderAction.DELIVER, fulfilmentId, actor("ADMIN", caller),
          reason, null, null), o -> { }, tx -> audited(tx, caller, "fulfilment.mark-delivered", "fulfilment",
          fulfilmentId, reason, clientAddress, requestId), requestId)
        .map(OrderView::of);
    });
  }

  private static OrderWorkflow.Actor actor(String type, Caller caller) {
    return new OrderWorkflow.Actor(type, caller.userId());
  }

  /**
   * In the move's transaction, through the outbox: the entry exists exactly when the move does. The reason is cut to
   * what the trail's 4 KiB of details always holds, however it escapes (the whole of it is in the order's transitions).
   */
  private Future<Void> audited(SqlConnection tx, Caller caller, String action, String targetType, UUID targetId,
                               String reason, String clientAddress, String requestId) {
    String kept = reason == null || reason.length() <= AUDITED_REASON_CHARS ? reason
      : reason.substring(0, Character.isHighSurrogate(reason.charAt(AUDITED_REASON_CHARS - 1)) ? AUDITED_REASON_CHARS - 1
        : AUDITED_REASON_CHARS);
    AuditEntry entry = new AuditEntry(CheckoutContract.CONTEXT, action, "USER", UUID.fromString(caller.userId()),
      targetType, targetId.toString(), clientAddress, requestId, new JsonObject().put("reason", kept));
    return outbox.append(tx, AUDIT, new AuditEntryReported(UUID.randomUUID(), clock.instant(), targetId.toString(), 1,
      entry), requestId);
  }

}
