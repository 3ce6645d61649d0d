package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.checkout.domain.StockLevel;
import dev.tradewind.checkout.infra.StockRepository;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlacementDecisionTest {
  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
  private static final CurrencyCode EUR = CurrencyCode.of("EUR");
  private final UUID merchant = UUID.randomUUID();
  private final UUID sku = UUID.randomUUID();
  private final UUID lisbon = UUID.randomUUID();

  @Test
  @DisplayName("placements are served in arrival order, each all or nothing, until the stock runs out")
  void arrivalOrderAllOrNothing() {
    var first = placement(2);
    var second = placement(2);
    var third = placement(1);

    PlacementDecision decision = decide(List.of(first, second, third), Set.of(), 3);

    assertThat(decision.replies().get(first).status()).isEqualTo(201);
    assertThat(decision.replies().get(second).status()).isEqualTo(409);
    assertThat(decision.replies().get(second).body().getString("type")).endsWith("sold-out");
    assertThat(decision.replies().get(third).status()).isEqualTo(201);
    assertThat(decision.refusedForStock()).as("a refusal for stock is only final under lock").isTrue();
    assertThat(decision.deltas()).containsExactly(new StockRepository.Delta(sku, lisbon, 3, 0, 0));
    assertThat(decision.availableAfter().get(sku).available()).isZero();
  }

  @Test
  @DisplayName("a quote already ordered, or twice in one batch, is a conflict and takes no stock")
  void quoteOrderedOnce() {
    var earlier = placement(1);
    var once = placement(1);
    var again = new PlacementBatcher.Placement(once.quote(), once.buyerId(), "another-key", "hash", null, "r",
      Promise.promise());

    PlacementDecision decision = decide(List.of(earlier, once, again), Set.of(earlier.quote().id()), 5);

    assertThat(decision.replies().get(earlier).status()).isEqualTo(409);
    assertThat(decision.replies().get(once).status()).isEqualTo(201);
    assertThat(decision.replies().get(again).status()).isEqualTo(409);
    assertThat(decision.placed()).hasSize(1);
    assertThat(decision.refusedForStock()).isFalse();
    assertThat(decision.deltas()).containsExactly(new StockRepository.Delta(sku, lisbon, 1, 0, 0));
  }

  private PlacementDecision decide(List<PlacementBatcher.Placement> batch, Set<UUID> ordered, int onHand) {
    return PlacementDecision.of(batch, ordered, List.of(new StockLevel(sku, lisbon, merchant, "PT", onHand, 0, 0, 1)),
      NOW, NOW.plusSeconds(900));
  }

  private PlacementBatcher.Placement placement(int quantity) {
    Money unit = Money.of("10.00", "EUR");
    Money zero = Money.zero(EUR);
    Quote.Charge none = new Quote.Charge(zero, "none", BigDecimal.ZERO);
    Quote.Line line = new Quote.Line(sku, UUID.randomUUID(), merchant, "Linen shirt", "6205", quantity, unit, unit,
      Money.ofMinor(1_000L * quantity, EUR), zero, none, none, false);
    Quote quote = new Quote(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), EUR,
      new Address("Ana", "Rua 1", null, "Lisboa", "1100-001", null, "PT"), ServiceLevel.STANDARD, Incoterm.DDP,
      List.of(line), List.of(), new Quote.Totals(line.subtotal(), zero, zero, zero, line.subtotal(), zero), List.of(),
      NOW, NOW.plusSeconds(900));
    return new PlacementBatcher.Placement(quote, quote.buyerId(), "key-" + quote.id(), "hash", null, "r",
      Promise.promise());
  }
}
