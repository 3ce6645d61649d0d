package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyCodeTest {

  @ParameterizedTest(name = "{0} has {1} minor units")
  @CsvSource({"JPY, 0", "EUR, 2", "USD, 2", "GBP, 2", "KWD, 3", "CLF, 4"})
  @DisplayName("each currency knows its minor units from ISO 4217")
  void minorUnits(String code, int minorUnits) {
    assertThat(CurrencyCode.of(code).minorUnits()).isEqualTo(minorUnits);
  }

  @Test
  @DisplayName("a lower-case code is accepted and kept in upper case")
  void normalisesCase() {
    assertThat(CurrencyCode.of("eur")).isEqualTo(CurrencyCode.of("EUR"));
    assertThat(CurrencyCode.of("eur").code()).isEqualTo("EUR");
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(strings = {"ABC", "EURO", "", "E1"})
  @DisplayName("an unknown code is refused, naming the code")
  void refusesUnknownCodes(String code) {
    assertThatThrownBy(() -> CurrencyCode.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + code + "'");
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"XAU", "XAG", "XTS", "XXX"})
  @DisplayName("metals and other codes without minor units are refused, naming the code")
  void refusesPseudoCurrencies(String code) {
    assertThatThrownBy(() -> CurrencyCode.of(code))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(code);
  }

  @Test
  @DisplayName("a missing code is refused")
  void refusesNull() {
    assertThatThrownBy(() -> CurrencyCode.of(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
