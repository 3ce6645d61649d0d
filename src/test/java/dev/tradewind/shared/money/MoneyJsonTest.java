package dev.tradewind.shared.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MoneyJsonTest {

  private final ObjectMapper json = new ObjectMapper();

  @Test
  @DisplayName("money is written as a string amount and a currency code, so no client reads it as a float")
  void writesAmountAsString() throws JsonProcessingException {
    assertThat(json.writeValueAsString(Money.of("12.34", "EUR"))).isEqualTo("{\"amount\":\"12.34\",\"currency\":\"EUR\"}");
    assertThat(json.writeValueAsString(Money.of("1000", "JPY"))).isEqualTo("{\"amount\":\"1000\",\"currency\":\"JPY\"}");
  }

  @Test
  @DisplayName("money read back from JSON equals the money written")
  void roundTrips() throws JsonProcessingException {
    for (Money money : new Money[] {Money.of("12.34", "EUR"), Money.of("-0.005", "KWD"), Money.of("7", "JPY")}) {
      assertThat(json.readValue(json.writeValueAsString(money), Money.class)).isEqualTo(money);
    }
  }

  @Test
  @DisplayName("JSON carrying more precision than the currency allows is refused")
  void refusesExcessPrecisionInJson() {
    assertThatThrownBy(() -> json.readValue("{\"amount\":\"1.005\",\"currency\":\"EUR\"}", Money.class))
        .hasMessageContaining("1.005");
    assertThatThrownBy(() -> json.readValue("{\"amount\":\"1.00\",\"currency\":\"XAU\"}", Money.class))
        .hasMessageContaining("XAU");
  }
}
