package dev.tradewind.checkout.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every version of every landed-cost rule, and the choice of those in force at an instant: per rule id, the
 * highest version whose {@code validFrom} is not after it. A country without a zone ships as {@link #OTHER_ZONE}.
 */
public record TariffBook(Map<String, String> zones, List<ShippingRate> shippingRates, List<TaxRule> taxRules,
                         List<DutyRule> dutyRules) {
  public static final String OTHER_ZONE = "ROW";

  public TariffBook {
    zones = Map.copyOf(zones);
    shippingRates = List.copyOf(shippingRates);
    taxRules = List.copyOf(taxRules);
    dutyRules = List.copyOf(dutyRules);
  }

  public String zoneOf(String country) {
    return zones.getOrDefault(country, OTHER_ZONE);
  }

  public Optional<ShippingRate> shippingRate(String originCountry, String destinationCountry, ServiceLevel level,
                                             Instant at) {
    String from = zoneOf(originCountry);
    String to = zoneOf(destinationCountry);
    return inForce(shippingRates, r -> r.originZone().equals(from) && r.destinationZone().equals(to)
      && r.serviceLevel() == level, at);
  }

  public Optional<TaxRule> taxRule(String country, Instant at) {
    return inForce(taxRules, r -> r.country().equals(country), at);
  }

  public Optional<DutyRule> dutyRule(String area, Instant at) {
    return inForce(dutyRules, r -> r.area().equals(area), at);
  }

  /** A destination is supported when both its tax rule and its customs territory's duty rule are in force. */
  public boolean supports(String country, Instant at) {
    return taxRule(country, at).flatMap(tax -> dutyRule(tax.dutyArea(), at)).isPresent();
  }

  private static <T extends TariffRule> Optional<T> inForce(List<T> rules, Predicate<T> applies, Instant at) {
    return rules.stream()
      .filter(applies)
      .filter(rule -> !rule.validFrom().isAfter(at))
      .max(Comparator.comparingInt(TariffRule::version));
  }
}
