package dev.tradewind.catalog.contract;

import java.util.List;
import java.util.UUID;

/** Loads the demo catalogue for the demo merchants identity opened. Demo data only. */
public record LoadDemoCatalog(List<DemoMerchant> merchants) {
  public LoadDemoCatalog {
    merchants = List.copyOf(merchants);
  }

  public record DemoMerchant(UUID merchantId, String legalName, String country, String currency, String language) {
  }
}
