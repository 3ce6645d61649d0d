package dev.tradewind.catalog.domain;

/**
 * Why one row of an import was rejected. {@code line} is the spreadsheet row for CSV (the header is line 1, so
 * the first product is line 2) and the 1-based position in the array for JSON. {@code field} is the CSV column
 * or JSON property ({@code title.fr} for a title in another language than the row's own), or {@code null} when
 * the row as a whole is at fault. {@code rule} is a stable token a client can act on ({@code required},
 * {@code format}, {@code number}, {@code duplicate} …); {@code message} says it in words.
 */
public record RowError(int line, String skuCode, String field, String rule, String message) {
}
