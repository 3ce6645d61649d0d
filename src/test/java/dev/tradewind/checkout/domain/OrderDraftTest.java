package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.tradewind.checkout.domain.Incoterm.DAP;
import static dev.tradewind.checkout.domain.Incoterm.DDP;
import static dev.tradewind.checkout.domain.LandedCostFixtures.JAPANESE_MERCHANT;
import static dev.tradewind.checkout.domain.LandedCostFixtures.NOW;
import static dev.tradewind.checkout.domain.LandedCostFixtures.PORTUGUESE_MERCHANT;
import static dev.tradewind.checkout.domain.LandedCostFixtures.item;
import static dev.tradewind.checkout.domain.LandedCostFixtures.price;
import static dev.tradewind.checkout.domain.ServiceLevel.ECONOMY;
import static dev.tradewind.checkout.domain.ServiceLevel.STANDARD;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An order's fulfilments are its quote's due-now split by merchant, to the cent, whatever the incoterm")
class OrderDraftTest {

  static Stream<Arguments> quotes() {
    List<Arguments> cases = new ArrayList<>();
    for (Incoterm incoterm : List.of(DDP, DAP)) {
      cases.add(Arguments.of("DE under the IOSS threshold (VAT at sale), " + incoterm, price("EUR", "DE", STANDARD, incoterm,
        item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "144.00", "EUR")), incoterm));
      cases.add(Arguments.of("DE over the threshold, " + incoterm, price("EUR", "DE", STANDARD, incoterm,
        item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 2, "130.00", "EUR")), incoterm));
      cases.add(Arguments.of("GB under £135, " + incoterm, price("GBP", "GB", STANDARD, incoterm,
        item(PORTUGUESE_MERCHANT, "Towel", "630260", 500, 1, "100.00", "GBP")), incoterm));
      cases.add(Arguments.of("PT to FR, no import, " + incoterm, price("EUR", "FR", STANDARD, incoterm,
        item(PORTUGUESE_MERCHANT, "Gyuto", "821192", 300, 1, "200.00", "EUR")), incoterm));
      cases.add(Arguments.of("NZ, two merchants, GST at sale, " + incoterm, price("NZD", "NZ", ECONOMY, incoterm,
        item(JAPANESE_MERCHANT, "Sencha", "090210", 250, 2, "20.00", "NZD"),
        item(PORTUGUESE_MERCHANT, "Towel", "630260", 600, 1, "900.00", "NZD"),
        item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "150.00", "NZD")), incoterm));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotes")
  void fulfilmentsAddUpToDueNow(String destination, LandedCost cost, Incoterm incoterm) {
    Quote quote = new Quote(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), cost.totals().dueNow().currency(),
      new Address("Ana", "Street 1", null, "City", "10115", null, "DE"), STANDARD, incoterm, cost.lines(),
      cost.shipments(), cost.totals(), cost.fxRates(), NOW, NOW.plusSeconds(900));
    List<StockAllocation.Pick> picks = IntStream.range(0, quote.lines().size()).mapToObj(i -> new StockAllocation.Pick(i,
      quote.lines().get(i).skuId(), UUID.randomUUID(), quote.lines().get(i).quantity())).toList();

    Order order = OrderDraft.place(UUID.randomUUID(), quote, picks, null, NOW, NOW.plusSeconds(900));

    Money fulfilments = order.fulfilments().stream().map(Order.Fulfilment::amount)
      .reduce(Money.zero(quote.currency()), Money::plus);
    assertThat(fulfilments).isEqualTo(quote.totals().dueNow());
  }
}
