package dev.tradewind.checkout.domain;

import dev.tradewind.shared.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Import VAT/GST of one destination country. Its base is the goods, plus the shipping share and the duty where
 * the destination taxes them. At or under {@code lowValueLimit} (null: no such limit) the tax is treated as
 * {@code lowValueTreatment} says. {@code dutyArea} names the customs territory whose {@link DutyRule} applies.
 */
public record TaxRule(String ruleId, int version, Instant validFrom, String country, String taxName, BigDecimal rate,
                      boolean shippingInBase, boolean dutyInBase, Money lowValueLimit,
                      LowValueTreatment lowValueTreatment, String dutyArea, String source) implements TariffRule {

  /** What happens to the tax of a consignment at or under the low-value limit. */
  public enum LowValueTreatment {
    /** Charged at sale by the platform as deemed supplier (EU IOSS, UK, AU, NZ, NO VOEC, SG OVR): due now. */
    COLLECT_AT_SALE,
    /** Not levied at all (JP, KR, CA, CH). */
    EXEMPT
  }
}
