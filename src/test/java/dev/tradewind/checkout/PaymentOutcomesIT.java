package dev.tradewind.checkout;

import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TestUsers.Session;
import dev.tradewind.infra.TokenForger;
import dev.tradewind.payments.contract.PaymentCaptured;
import dev.tradewind.payments.contract.PaymentFailed;
import dev.tradewind.payments.contract.PaymentsContract;
import dev.tradewind.shared.money.Money;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.tradewind.checkout.OrderFixtures.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Payments' events move orders: a capture of exactly what is due pays; anything else is only noted")
class PaymentOutcomesIT extends PlatformStory {
  private static final Money DUE = Money.of("23.80", "EUR");
  
  private OrderFixtures fixtures;
  private Session admin;
  private TokenForger forger;
  private OrderFixtures.Sku sku;

  @BeforeEach
  void aStockedSku() throws InterruptedException {
    fixtures = new OrderFixtures(platform);
    admin = users.admin();
    Session owner = users.merchantOwner("pay", admin);
    forger = new TokenForger(platform.signingKeysFile());
    sku = fixtures.stockedSku(owner, "PAY-1", 10);
  }

  @Test
  @DisplayName("the exact amount pays the order and sells its unit; a redelivery changes nothing, a second capture is noted")
  void exactCapturePays() throws InterruptedException {
    Session buyer = users.buyer("payer");
    UUID id = placedBy(UUID.fromString(buyer.userId()), buyer.bearer());
    PaymentCaptured capture = captured(id, DUE);
    platform.events().publish(PaymentsContract.PAYMENT_CAPTURED, capture);
    await("the order is paid", () -> "PAID".equals(order(id).getString("status")));

    assertStock(9, 0, 1);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-paid.v1'")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM checkout.reservations WHERE status = 'CONSUMED'")).isEqualTo(1);

    platform.events().publish(PaymentsContract.PAYMENT_CAPTURED, capture);
    platform.events().publish(PaymentsContract.PAYMENT_CAPTURED, captured(id, DUE));
    await("the second capture (same order, so same partition, after the redelivery) is noted",
      () -> notes(id).size() == 1);
    assertThat(notes(id).get(0)).contains("captured but not applied").contains("PAID").contains("refund due");
    assertStock(9, 0, 1);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-paid.v1'")).isEqualTo(1);

    String reviews = "/api/v1/products/" + sku.productId() + "/reviews";
    JsonObject review = new JsonObject().put("rating", 5).put("title", "Soft").put("body", "Paid for, delivered, soft.");
    await("OrderPaid reaches the catalogue, so the buyer may review what they paid for",
      () -> http.postJson(reviews, review, buyer.bearer()).status() == 201);
  }

  @Test
  @DisplayName("a capture of another amount leaves the order unpaid and its stock reserved, with a note saying why")
  void wrongAmountIsNoted() throws InterruptedException {
    UUID buyer = UUID.randomUUID();
    UUID id = placedBy(buyer, OrderFixtures.buyerToken(forger, buyer));
    platform.events().publish(PaymentsContract.PAYMENT_CAPTURED, captured(id, Money.of("20.00", "EUR")));
    await("the capture is noted", () -> notes(id).size() == 1);

    assertThat(notes(id).get(0)).contains("20.00 EUR captured but not applied").contains("23.80 EUR is due");
    assertThat(order(id).getString("status")).isEqualTo("PENDING_PAYMENT");
    assertStock(10, 1, 0);
    assertThat(count("SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.order-paid.v1'")).isZero();
  }

  @Test
  @DisplayName("a failed payment is only noted: the order stays payable")
  void failedPaymentIsNoted() throws InterruptedException {
    UUID buyer = UUID.randomUUID();
    UUID id = placedBy(buyer, OrderFixtures.buyerToken(forger, buyer));
    platform.events().publish(PaymentsContract.PAYMENT_FAILED, new PaymentFailed(UUID.randomUUID(), Instant.now(), id.toString(), 1,
      id, UUID.randomUUID(), "card declined"));
    await("the failure is noted", () -> notes(id).size() == 1);

    assertThat(notes(id).get(0)).isEqualTo("payment failed: card declined");
    assertThat(order(id).getString("status")).isEqualTo("PENDING_PAYMENT");
    assertStock(10, 1, 0);
    platform.events().publish(PaymentsContract.PAYMENT_CAPTURED, captured(id, DUE));
    await("it can still be paid", () -> "PAID".equals(order(id).getString("status")));
  }

  private UUID placedBy(UUID buyerId, String[] auth) {
    return UUID.fromString(fixtures.place(buyerId, auth, sku).getString("id"));
  }

  private static PaymentCaptured captured(UUID orderId, Money amount) {
    return new PaymentCaptured(UUID.randomUUID(), Instant.now(), orderId.toString(), 1, orderId, UUID.randomUUID(), amount,
      "test-acquirer");
  }

  private JsonObject order(UUID id) {
    return http.get("/api/v1/admin/orders/" + id, admin.bearer()).json();
  }

  /** What payments left on the order without moving it. */
  private List<String> notes(UUID id) {
    return platform.query("SELECT reason FROM checkout.order_transitions WHERE order_id = $1 AND actor_type = 'PAYMENTS'"
      + " AND from_status = to_status ORDER BY id", id).stream().map(row -> row.getString(0)).toList();
  }

  private void assertStock(int onHand, int reserved, int sold) {
    Row stock = platform.query("SELECT on_hand, reserved, sold FROM checkout.stock WHERE sku_id = $1", sku.id()).get(0);
    assertThat(List.of(stock.getInteger(0), stock.getInteger(1), stock.getLong(2).intValue()))
      .as("on hand, reserved, sold").containsExactly(onHand, reserved, sold);
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }
}
