package dev.tradewind.shared.money;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rate table in use, replaceable at run time. Readers never lock: each conversion reads one snapshot
 * and uses it throughout, so a conversion never mixes rates from two tables.
 */
public final class FxRates implements FxConverter {

  private final AtomicReference<FxRateTable> table;

  public FxRates(FxRateTable initial) {
    this.table = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  public FxRateTable current() {
    return table.get();
  }

  public void replace(FxRateTable next) {
    table.set(Objects.requireNonNull(next, "next"));
  }

  @Override
  public Conversion convert(Money from, CurrencyCode to) {
    return current().convert(from, to);
  }
}
