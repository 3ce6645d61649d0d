package dev.tradewind.catalog.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the errors of one row, so a merchant sees them all at once instead of fixing one per upload. The SKU
 * may be learnt after the first error (a reader notes problems in column order), so it is applied on the way out.
 */
final class Rejections {
  private final int line;
  private String skuCode;
  private final List<RowError> errors = new ArrayList<>();

  Rejections(int line, String skuCode) {
    this.line = line;
    this.skuCode = skuCode;
  }

  void about(String skuCode) {
    this.skuCode = skuCode;
  }

  void add(String field, String rule, String message) {
    errors.add(new RowError(line, null, field, rule, message));
  }

  List<RowError> list() {
    return errors.stream()
      .map(error -> new RowError(line, skuCode, error.field(), error.rule(), error.message()))
      .toList();
  }
}
