package dev.tradewind.catalog.domain;

import java.util.List;

/**
 * What an upload holds: the rows that broke no rule, ready to upsert, and every error of the rows that did,
 * ordered by line. A rejected row may have several errors; {@code totalRows} counts every data row read.
 */
public record ImportParse(List<ParsedRow> accepted, List<RowError> rejected, int totalRows) {

  public ImportParse {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }
}
