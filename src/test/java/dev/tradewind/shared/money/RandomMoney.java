package dev.tradewind.shared.money;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;

/** Seeded random amounts for property tests; pass -Dtradewind.test.seed=N to replay a failure. */
final class RandomMoney {

  static final List<CurrencyCode> CURRENCIES =
      List.of("EUR", "USD", "JPY", "KWD", "GBP", "CLF").stream().map(CurrencyCode::of).toList();

  final long seed = Long.getLong("tradewind.test.seed", System.nanoTime());
  final Random random = new Random(seed);

  CurrencyCode currency() {
    return CURRENCIES.get(random.nextInt(CURRENCIES.size()));
  }

  /** Anything from a few minor units to about ten billion major units, either sign, sometimes zero. */
  Money amount(CurrencyCode currency) {
    long magnitude = switch (random.nextInt(4)) {
      case 0 -> random.nextInt(10);
      case 1 -> random.nextInt(1_000_000);
      default -> Math.floorMod(random.nextLong(), 1_000_000_000_000_000L);
    };
    return Money.ofMinor(random.nextBoolean() ? magnitude : -magnitude, currency);
  }

  /** 1 to 12 non-negative weights with up to three decimals, roughly a quarter of them zero, never all zero. */
  List<BigDecimal> weights() {
    BigDecimal[] weights = new BigDecimal[1 + random.nextInt(12)];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = random.nextInt(4) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4));
    }
    if (List.of(weights).stream().allMatch(weight -> weight.signum() == 0)) {
      weights[random.nextInt(weights.length)] = BigDecimal.ONE;
    }
    return List.of(weights);
  }

  String seedMessage() {
    return "seed=" + seed + " (replay with -Dtradewind.test.seed=" + seed + ")";
  }
}
