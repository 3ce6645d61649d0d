package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Conversion;
import dev.tradewind.shared.money.CurrencyCode;
import dev.tradewind.shared.money.FxConverter;
import dev.tradewind.shared.money.FxRate;
import dev.tradewind.shared.money.Money;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts with one rate snapshot (rounding HALF_EVEN to the target's minor units, the platform's FX rule) and
 * remembers every rate it used, so a quote can lock exactly the rates its figures came from.
 */
public final class LandedCostFx {
  private final FxConverter rates;
  private final Map<String, FxRate> used = new LinkedHashMap<>();

  public LandedCostFx(FxConverter rates) {
    this.rates = rates;
  }

  public Money convert(Money amount, CurrencyCode to) {
    if (amount.currency().equals(to)) {
      return amount;
    }
    Conversion conversion = rates.convert(amount, to);
    used.putIfAbsent(amount.currency() + "/" + to, new FxRate(amount.currency(), to, conversion.rate(),
      conversion.rateSource(), conversion.rateAsOf()));
    return conversion.result();
  }

  public List<FxRate> used() {
    return new ArrayList<>(used.values());
  }
}
