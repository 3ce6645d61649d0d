package dev.tradewind.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rows of one product (same {@code productCode}), in upload order: the product and its variants. */
public record ProductGroup(String productCode, List<ProductRow> variants) {
  public ProductGroup {
    variants = List.copyOf(variants);
  }

  /** Product-level facts come from the first row of the group. */
  public ProductRow product() {
    return variants.get(0);
  }

  public static List<ProductGroup> of(List<ProductRow> rows) {
    Map<String, List<ProductRow>> groups = new LinkedHashMap<>();
    rows.forEach(row -> groups.computeIfAbsent(row.productCode(), code -> new ArrayList<>()).add(row));
    return groups.entrySet().stream().map(e -> new ProductGroup(e.getKey(), e.getValue())).toList();
  }
}
