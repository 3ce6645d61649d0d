package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Customs duty of one customs territory (a country, or the EU customs union). A consignment whose goods value is
 * at or under {@code threshold} (null: no de-minimis) pays none; otherwise each line pays the ad-valorem rate of
 * the longest HS prefix in {@code rates} that its code starts with, else {@code defaultRate}, on its goods value
 * plus its shipping share where {@code shippingInValue} (CIF territories).
 */
public record DutyRule(String ruleId, int version, Instant validFrom, String area, Money threshold,
                       boolean shippingInValue, BigDecimal defaultRate, Map<String, BigDecimal> rates, String source)
  implements TariffRule {

  public DutyRule {
    rates = Map.copyOf(rates);
  }

  public Rate rateFor(String hsCode) {
    for (int length = Math.min(6, hsCode.length()); length >= 2; length -= 2) {
      String prefix = hsCode.substring(0, length);
      BigDecimal rate = rates.get(prefix);
      if (rate != null) {
        return new Rate(rate, length == 2 ? "ch." + prefix : "HS " + prefix);
      }
    }
    return new Rate(defaultRate, "default");
  }

  /** A rate and the tariff line it was found under ({@code ch.62}, {@code HS 6214}, {@code default}). */
  public record Rate(BigDecimal value, String line) {
  }
}
