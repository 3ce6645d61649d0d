package dev.tradewind.catalog.domain;

import java.util.Locale;

/** The orders a product search can be read in; each pages by its own key and then by product id. */
public enum SearchSort {
  RELEVANCE(true), PRICE_ASC(false), PRICE_DESC(true), NEWEST(true), RATING(true), BEST_SELLING(true);

  private final boolean descending;

  SearchSort(boolean descending) {
    this.descending = descending;
  }

  public boolean descending() {
    return descending;
  }

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Relevance when there is text to be relevant to, else the newest first; relevance without text is newest. */
  public static SearchSort parse(String requested, boolean hasText) {
    if (requested == null || requested.isBlank()) {
      return hasText ? RELEVANCE : NEWEST;
    }
    SearchSort sort;
    try {
      sort = valueOf(requested.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new InvalidSearchException("sort", "enum", "sort must be one of relevance, price_asc, price_desc, newest,"
        + " rating, best_selling");
    }
    return sort == RELEVANCE && !hasText ? NEWEST : sort;
  }
}
