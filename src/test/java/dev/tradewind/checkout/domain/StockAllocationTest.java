package dev.tradewind.checkout.domain;

import dev.tradewind.checkout.domain.StockAllocation.Demand;
import dev.tradewind.checkout.domain.StockAllocation.Outcome;
import dev.tradewind.checkout.domain.StockAllocation.Pick;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Locked stock is handed out in arrival order, each order whole or not at all")
class StockAllocationTest {
  private static final UUID MERCHANT = UUID.randomUUID();
  private static final UUID TOWEL = UUID.randomUUID();
  private static final UUID SHEET = UUID.randomUUID();
  private static final UUID LISBON = UUID.randomUUID();
  private static final UUID BERLIN = UUID.randomUUID();

  @Test
  @DisplayName("earlier orders are served first; a later one that still fits is served after one that did not")
  void arrivalOrderWins() {
    StockAllocation stock = new StockAllocation(List.of(level(TOWEL, LISBON, "PT", 5, 2)));

    assertThat(stock.allocate("DE", List.of(demand(TOWEL, 2))).placed()).isTrue();
    Outcome second = stock.allocate("DE", List.of(demand(TOWEL, 2)));
    assertThat(stock.allocate("DE", List.of(demand(TOWEL, 1))).placed()).isTrue();

    assertThat(second.placed()).isFalse();
    assertThat(second.soldOut()).containsExactly(TOWEL);
    assertThat(second.picks()).isEmpty();
    assertThat(stock.available(TOWEL)).isZero();
  }

  @Test
  @DisplayName("an order with one short line takes nothing, so its other lines stay for the next buyer")
  void allOrNothingPerOrder() {
    StockAllocation stock = new StockAllocation(List.of(level(TOWEL, LISBON, "PT", 3, 0), level(SHEET, LISBON, "PT", 1, 0)));

    Outcome greedy = stock.allocate("PT", List.of(demand(TOWEL, 3), demand(SHEET, 2)));
    assertThat(greedy.placed()).isFalse();
    assertThat(greedy.soldOut()).containsExactly(SHEET);
    assertThat(stock.available(TOWEL)).isEqualTo(3);

    assertThat(stock.allocate("PT", List.of(demand(TOWEL, 3))).placed()).isTrue();
  }

  @Test
  @DisplayName("two lines of the same SKU in one order count together")
  void sameSkuTwiceCountsTogether() {
    StockAllocation stock = new StockAllocation(List.of(level(TOWEL, LISBON, "PT", 3, 0)));

    assertThat(stock.allocate("PT", List.of(demand(TOWEL, 2), demand(TOWEL, 2))).placed()).isFalse();
    assertThat(stock.available(TOWEL)).isEqualTo(3);
  }

  @Test
  @DisplayName("a location in the destination country is preferred; elsewhere the one with most available")
  void destinationCountryFirst() {
    List<StockLevel> levels = List.of(level(TOWEL, LISBON, "PT", 10, 0), level(TOWEL, BERLIN, "DE", 1, 0));

    assertThat(new StockAllocation(levels).allocate("DE", List.of(demand(TOWEL, 1))).picks())
      .containsExactly(new Pick(0, TOWEL, BERLIN, 1));
    assertThat(new StockAllocation(levels).allocate("FR", List.of(demand(TOWEL, 1))).picks())
      .containsExactly(new Pick(0, TOWEL, LISBON, 1));
    assertThat(new StockAllocation(levels).allocate("DE", List.of(demand(TOWEL, 2))).picks())
      .as("the local location is too small").containsExactly(new Pick(0, TOWEL, LISBON, 2));
  }

  @Test
  @DisplayName("nothing goes below zero: a line is served from one location, never split, and never from another merchant's")
  void neverNegative() {
    UUID rival = UUID.randomUUID();
    StockAllocation stock = new StockAllocation(List.of(level(TOWEL, LISBON, "PT", 2, 0), level(TOWEL, BERLIN, "DE", 4, 2),
      new StockLevel(TOWEL, UUID.randomUUID(), rival, "DE", 50, 0, 0, 1)));

    assertThat(stock.allocate("DE", List.of(demand(TOWEL, 3))).placed()).as("2 + 2 available, but no one place has 3")
      .isFalse();
    for (int i = 0; i < 10; i++) {
      stock.allocate("DE", List.of(demand(TOWEL, 1)));
    }
    assertThat(stock.available(TOWEL)).as("the rival's 50 untouched").isEqualTo(50);
  }

  @Test
  @DisplayName("a multi-line order across two SKUs gets one pick per line, each line's index kept")
  void multiLineAcrossTwoSkus() {
    StockAllocation stock = new StockAllocation(List.of(level(TOWEL, LISBON, "PT", 5, 1), level(SHEET, LISBON, "PT", 2, 0),
      level(SHEET, BERLIN, "DE", 2, 0)));

    Outcome placed = stock.allocate("DE", List.of(demand(SHEET, 2), demand(TOWEL, 4)));

    assertThat(placed.placed()).isTrue();
    assertThat(placed.picks()).containsExactly(new Pick(0, SHEET, BERLIN, 2), new Pick(1, TOWEL, LISBON, 4));
    assertThat(stock.available(TOWEL)).isZero();
    assertThat(stock.available(SHEET)).isEqualTo(2);
    assertThat(stock.allocate("DE", List.of(demand(SHEET, 1), demand(TOWEL, 1))).soldOut()).containsExactly(TOWEL);
  }

  private static StockLevel level(UUID sku, UUID location, String country, int onHand, int reserved) {
    return new StockLevel(sku, location, MERCHANT, country, onHand, reserved, 0, 1);
  }

  private static Demand demand(UUID sku, int quantity) {
    return new Demand(sku, MERCHANT, quantity);
  }
}
