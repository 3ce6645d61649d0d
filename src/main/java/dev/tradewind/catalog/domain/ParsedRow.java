package dev.tradewind.catalog.domain;

/** A row of an upload, with the line it came from (see {@link RowError#line()}). */
public record ParsedRow(int line, ProductRow row) {
}
