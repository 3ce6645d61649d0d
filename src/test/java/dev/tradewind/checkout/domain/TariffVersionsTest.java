package dev.tradewind.checkout.domain;

import dev.tradewind.checkout.domain.TaxRule.LowValueTreatment;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static dev.tradewind.checkout.domain.LandedCostFixtures.JAPANESE_MERCHANT;
import static dev.tradewind.checkout.domain.LandedCostFixtures.LONG_AGO;
import static dev.tradewind.checkout.domain.LandedCostFixtures.eur;
import static dev.tradewind.checkout.domain.LandedCostFixtures.item;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A rule version is in force from its valid_from until a higher version's")
class TariffVersionsTest {
  private static final Instant RAISE = Instant.parse("2027-01-01T00:00:00Z");
  private static final TaxRule GERMAN_VAT_RAISED = new TaxRule("vat:DE", 2, RAISE, "DE", "VAT", new BigDecimal("0.21"),
    true, true, eur("150.00"), LowValueTreatment.COLLECT_AT_SALE, "EU", "hypothetical raise, for the test");

  @Test
  @DisplayName("v1 (19 %) answers up to the last instant before v2's valid_from, v2 (21 %) from that instant on")
  void theNewerVersionTakesOverAtItsInstant() {
    TariffBook book = LandedCostFixtures.book(List.of(GERMAN_VAT_RAISED));

    assertThat(book.taxRule("DE", RAISE.minusNanos(1)).orElseThrow().version()).isEqualTo(1);
    assertThat(book.taxRule("DE", RAISE).orElseThrow().version()).isEqualTo(2);
    assertThat(book.taxRule("DE", LONG_AGO.minusSeconds(1))).as("nothing was in force yet").isEmpty();
    assertThat(book.supports("DE", LONG_AGO.minusSeconds(1))).isFalse();
  }

  @Test
  @DisplayName("the same parcel (EUR 100 + 17.90 + 4.20 shipping = 122.10) pays 19 % = 23.20 before and 21 % = 25.64 after,"
    + " each naming its version")
  void aQuoteNamesTheVersionItUsed() {
    TariffBook book = LandedCostFixtures.book(List.of(GERMAN_VAT_RAISED));
    LandedCostItem knife = item(JAPANESE_MERCHANT, "Gyuto", "821192", 300, 1, "100.00", "EUR");

    Quote.Charge before = LandedCostFixtures.price(book, RAISE.minusSeconds(1), "EUR", "DE", ServiceLevel.STANDARD,
      Incoterm.DDP, knife).lines().get(0).tax();
    Quote.Charge after = LandedCostFixtures.price(book, RAISE, "EUR", "DE", ServiceLevel.STANDARD, Incoterm.DDP, knife)
      .lines().get(0).tax();

    assertThat(before.amount()).isEqualTo(eur("23.20"));
    assertThat(before.rule()).startsWith("vat:DE:v1 VAT 19%");
    assertThat(after.amount()).isEqualTo(eur("25.64"));
    assertThat(after.rule()).startsWith("vat:DE:v2 VAT 21%");
    assertThat(after.rate()).isEqualByComparingTo("0.21");
  }

  @Test
  @DisplayName("the longest HS prefix wins: 621410 is HS 6214 at 8 %, 620520 is ch.62 at 12 %, 999999 the default 4 %")
  void longestPrefixWins() {
    DutyRule eu = LandedCostFixtures.book().dutyRule("EU", LandedCostFixtures.NOW).orElseThrow();

    assertThat(eu.rateFor("621410")).isEqualTo(new DutyRule.Rate(new BigDecimal("0.08"), "HS 6214"));
    assertThat(eu.rateFor("620520")).isEqualTo(new DutyRule.Rate(new BigDecimal("0.12"), "ch.62"));
    assertThat(eu.rateFor("999999")).isEqualTo(new DutyRule.Rate(new BigDecimal("0.04"), "default"));
  }
}
