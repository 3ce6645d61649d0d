package dev.tradewind.checkout.domain;

import dev.tradewind.shared.json.Json;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.Money;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A quote is stored as a document and read back equal, to the cent")
class QuoteDocumentTest {
  @Test
  void aQuoteSurvivesItsJsonDocument() {
    CurrencyCode eur = CurrencyCode.of("EUR");
    Money ten = Money.of("10.00", "EUR");
    Quote.Charge vat = new Quote.Charge(Money.of("1.90", "EUR"), "vat:DE:v1 standard", new BigDecimal("0.19"));
    Quote.Line line = new Quote.Line(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Kettle", "851610", 1,
      Money.of("1200", "JPY"), ten, ten, Money.of("4.00", "EUR"), new Quote.Charge(Money.zero(eur), "duty:EU:v1 de minimis",
      BigDecimal.ZERO), vat, true);
    Instant at = Instant.parse("2026-11-24T10:00:00Z");
    Quote quote = new Quote(UUID.randomUUID(), UUID.randomUUID(), null, eur,
      new Address("Ana", "Rua 1", null, "Berlin", "10115", null, "DE"), ServiceLevel.STANDARD, Incoterm.DDP,
      List.of(line), List.of(new Quote.Shipment(line.merchantId(), "JP", new Quote.Charge(Money.of("4.00", "EUR"),
        "rate:JP→EU standard v1", null), 5, 9)),
      new Quote.Totals(ten, Money.of("4.00", "EUR"), Money.zero(eur), Money.of("1.90", "EUR"), Money.of("15.90", "EUR"),
        Money.zero(eur)),
      List.of(new FxRate(CurrencyCode.of("JPY"), eur, new BigDecimal("0.0061"), "ECB", at)), at, at.plusSeconds(900));

    Quote back = Json.mapper().convertValue(Json.object(quote).getMap(), Quote.class);

    assertThat(back).isEqualTo(quote);
  }

  @Test
  @DisplayName("a line stored before taxAtSale existed takes it from its tax's rule")
  void aLineFromBeforeTaxAtSale() {
    CurrencyCode eur = CurrencyCode.of("EUR");
    Money ten = Money.of("10.00", "EUR");
    Quote.Charge none = new Quote.Charge(Money.zero(eur), "duty:EU:v1 de minimis", BigDecimal.ZERO);
    for (String rule : List.of("vat:DE:v1 VAT 19% collected at sale (IOSS) of 10.00 EUR", "vat:DE:v1 VAT 19% on import of 10.00 EUR")) {
      Quote.Line line = new Quote.Line(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "Kettle", "851610", 1, ten, ten,
        ten, Money.zero(eur), none, new Quote.Charge(Money.of("1.90", "EUR"), rule, new BigDecimal("0.19")), true);
      var stored = Json.object(line);
      stored.remove("taxAtSale");

      assertThat(Json.mapper().convertValue(stored.getMap(), Quote.Line.class).taxAtSale())
        .isEqualTo(rule.contains("collected at sale"));
    }
  }
}
