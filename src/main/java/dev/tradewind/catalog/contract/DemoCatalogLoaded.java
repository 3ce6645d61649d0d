package dev.tradewind.catalog.contract;

/** How many demo products exist after loading (loading twice changes nothing). */
public record DemoCatalogLoaded(int products) {
}
