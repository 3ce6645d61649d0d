package dev.tradewind.checkout;

import dev.tradewind.checkout.contract.AmountDue;
import dev.tradewind.checkout.contract.AmountDueQuery;
import dev.tradewind.checkout.contract.CheckoutContract;
import dev.tradewind.checkout.contract.SetStock;
import dev.tradewind.checkout.contract.SetStock.Level;
import dev.tradewind.checkout.contract.StockSet;
import dev.tradewind.infra.PlatformStory;
import dev.tradewind.infra.TokenForger;
import dev.tradewind.shared.bus.Bus;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Future;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Other contexts set stock and ask what is due over checkout's event bus")
class CheckoutOverTheBusIT extends PlatformStory {
  private static final String VERSIONS = "SELECT sum(version) FROM checkout.sku_stock_versions";
  private static final String STOCK_CHANGED = "SELECT count(*) FROM checkout.outbox WHERE topic = 'checkout.stock-changed.v1'";

  @Test
  @DisplayName("SetStock creates the merchant's default location once, sets on hand and announces each SKU with a growing version")
  void setStock() throws Exception {
    UUID merchant = UUID.randomUUID();
    UUID towel = UUID.randomUUID();
    UUID sheet = UUID.randomUUID();
    StockSet set = ask(CheckoutContract.SET_STOCK, new SetStock(merchant, "pt", List.of(new Level(towel, 5),
      new Level(sheet, 3))));
    assertThat(set.levels()).isEqualTo(2);
    ask(CheckoutContract.SET_STOCK, new SetStock(merchant, "DE", List.of(new Level(towel, 8))));

    List<Row> locations = platform.query("SELECT country, is_default FROM checkout.locations WHERE merchant_id = $1", merchant);
    assertThat(locations).as("the default location, reused").hasSize(1);
    assertThat(locations.get(0).getString("country")).isEqualTo("PT");
    assertThat(locations.get(0).getBoolean("is_default")).isTrue();
    assertThat(onHand(towel)).isEqualTo(8);
    assertThat(onHand(sheet)).isEqualTo(3);
    assertThat(announced(towel)).as("version:available").containsExactly("1:5", "2:8");
    assertThat(announced(sheet)).containsExactly("1:3");
  }

  @Test
  @DisplayName("one figure below what an unpaid order reserves refuses the whole SetStock (409) and changes nothing")
  void belowReservedRefusesAll() throws Exception {
    UUID merchant = UUID.randomUUID();
    List<UUID> skus = Stream.of(UUID.randomUUID(), UUID.randomUUID()).sorted().toList();
    UUID untouched = skus.get(0);
    UUID reservedOne = skus.get(1);
    ask(CheckoutContract.SET_STOCK, new SetStock(merchant, "PT", List.of(new Level(untouched, 4), new Level(reservedOne, 2))));
    placeOne(merchant, reservedOne);
    long announcedBefore = count(STOCK_CHANGED);
    long versionsBefore = count(VERSIONS);

    UUID newcomer = UUID.randomUUID();
    ReplyException refused = refused(CheckoutContract.SET_STOCK, new SetStock(merchant, "PT", List.of(
      new Level(untouched, 9), new Level(reservedOne, 0), new Level(newcomer, 1))));

    assertThat(refused.failureCode()).isEqualTo(409);
    assertThat(onHand(untouched)).as("written before the refusal, rolled back with it").isEqualTo(4);
    assertThat(onHand(reservedOne)).isEqualTo(2);
    assertThat(platform.query("SELECT 1 FROM checkout.stock WHERE sku_id = $1", newcomer)).isEmpty();
    assertThat(count(STOCK_CHANGED)).isEqualTo(announcedBefore);
    assertThat(count(VERSIONS)).isEqualTo(versionsBefore);
    assertThat(refused(CheckoutContract.SET_STOCK, new SetStock(merchant, "PT", List.of(new Level(untouched, -1))))
      .failureCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("get-amount-due answers what is owed now, in the order's currency, with its status; an unknown order is 404")
  void amountDue() throws Exception {
    UUID merchant = UUID.randomUUID();
    UUID sku = UUID.randomUUID();
    ask(CheckoutContract.SET_STOCK, new SetStock(merchant, "PT", List.of(new Level(sku, 1))));
    UUID buyer = placeOne(merchant, sku);
    UUID orderId = platform.query("SELECT id FROM checkout.orders").get(0).getUUID(0);

    AmountDue due = ask(CheckoutContract.GET_AMOUNT_DUE, new AmountDueQuery(orderId));

    assertThat(due).isEqualTo(new AmountDue(orderId, buyer, Money.of("23.80", "EUR"), "PENDING_PAYMENT"));
    assertThat(refused(CheckoutContract.GET_AMOUNT_DUE, new AmountDueQuery(UUID.randomUUID())).failureCode()).isEqualTo(404);
  }

  /** One unit of the SKU ordered by a new buyer (a quote as the carts context stores it); the buyer's id. */
  private static UUID placeOne(UUID merchant, UUID sku) {
    UUID buyer = UUID.randomUUID();
    new OrderFixtures(platform).place(buyer, OrderFixtures.buyerToken(new TokenForger(platform.signingKeysFile()), buyer),
      new OrderFixtures.Sku(sku, UUID.randomUUID(), merchant));
    return buyer;
  }

  private static <T> T ask(String address, Object body) throws Exception {
    return Bus.<T>request(platform.platformVertx(), address, body, "bus-it-" + UUID.randomUUID())
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static ReplyException refused(String address, Object body) throws Exception {
    Throwable failure = Bus.request(platform.platformVertx(), address, body, null)
      .map(reply -> (Throwable) new AssertionError("answered " + reply))
      .recover(Future::succeededFuture)
      .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(failure).isInstanceOf(ReplyException.class);
    return (ReplyException) failure;
  }

  private static List<String> announced(UUID sku) {
    return platform.query("SELECT (payload->>'version') || ':' || (payload->>'available') FROM checkout.outbox"
      + " WHERE topic = 'checkout.stock-changed.v1' AND aggregate_id = $1 ORDER BY id", sku.toString())
      .stream().map(row -> row.getString(0)).toList();
  }

  private static int onHand(UUID sku) {
    return platform.query("SELECT on_hand FROM checkout.stock WHERE sku_id = $1", sku).get(0).getInteger(0);
  }

  private static long count(String sql) {
    return platform.query(sql).get(0).getLong(0);
  }
}
