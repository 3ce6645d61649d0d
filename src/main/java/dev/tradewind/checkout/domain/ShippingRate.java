package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.time.Instant;

/**
 * What a parcel from one zone to another costs at one service level: {@code baseFee} plus {@code stepFee} for
 * every started {@code stepGrams} of the parcel's total weight, in the rate's own currency.
 */
public record ShippingRate(String ruleId, int version, Instant validFrom, String originZone, String destinationZone,
                           ServiceLevel serviceLevel, Money baseFee, Money stepFee, int stepGrams, int transitDaysMin,
                           int transitDaysMax) implements TariffRule {

  public Money feeFor(long grams) {
    long steps = (grams + stepGrams - 1) / stepGrams;
    return baseFee.plus(stepFee.times(steps));
  }

  public String describe(long grams) {
    return reference() + " " + baseFee + " + " + stepFee + " per started " + stepGrams + " g x "
      + (grams + stepGrams - 1) / stepGrams + " (" + grams + " g)";
  }
}
