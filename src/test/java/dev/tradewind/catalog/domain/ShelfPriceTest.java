package dev.tradewind.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShelfPriceTest {

  @ParameterizedTest(name = "{0} {1} is shelved at {2}")
  @CsvSource({
    "119.00, EUR, 118.90",
    "149.40, USD, 148.99",
    "0.20,   USD, 0.99",
    "12345,  JPY, 12300",
    "12,     JPY, 100",
  })
  void roundsTheWayShopsPrint(String amount, String currency, String expected) {
    assertThat(ShelfPrice.of(new BigDecimal(amount), currency)).isEqualTo(new BigDecimal(expected));
  }
}
