package dev.tradewind.checkout.application;

import dev.tradewind.checkout.domain.Address;
import dev.tradewind.checkout.domain.Incoterm;
import dev.tradewind.checkout.domain.Quote;
import dev.tradewind.checkout.domain.ServiceLevel;
import dev.tradewind.checkout.infra.QuoteRepository;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteStoreTest {
  private final QuoteStore store = new QuoteStore(new QuoteRepository(), 2);

  private static Quote quote() {
    CurrencyCode eur = CurrencyCode.of("EUR");
    Money zero = Money.zero(eur);
    Instant at = Instant.parse("2026-11-25T10:00:00Z");
    return new Quote(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), eur,
      new Address("Ana", "Rua 1", null, "Berlin", "10115", null, "DE"), ServiceLevel.STANDARD, Incoterm.DDP, List.of(),
      List.of(), new Quote.Totals(zero, zero, zero, zero, zero, zero), List.of(), at, at.plusSeconds(900));
  }

  @Test
  @DisplayName("it keeps the newest quotes up to its capacity and forgets the oldest first")
  void boundedOldestFirst() {
    Quote first = store.remember(quote());
    Quote second = store.remember(quote());
    Quote third = store.remember(quote());

    assertThat(store.remembered(first.id())).as("the oldest is read from the database again").isEmpty();
    assertThat(store.remembered(second.id())).contains(second);
    assertThat(store.remembered(third.id())).contains(third);
  }
}
