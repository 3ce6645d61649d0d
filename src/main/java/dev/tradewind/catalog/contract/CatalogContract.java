package dev.tradewind.catalog.contract;

/** The catalog context as other contexts see it: its name, addresses and topics. */
public final class CatalogContract {
  public static final String CONTEXT = "catalog";

  private CatalogContract() {
  }
}
