package dev.tradewind.catalog.domain;

/**
 * The life of a product: a draft is published, a published product can be taken down and put back, and anything
 * not yet archived can be archived, which is final.
 */
public enum ProductStatus {
  DRAFT, PUBLISHED, UNPUBLISHED, ARCHIVED;

  public boolean canBecome(ProductStatus next) {
    switch (next) {
      case PUBLISHED:
        return this == DRAFT || this == UNPUBLISHED;
      case UNPUBLISHED:
        return this == PUBLISHED;
      case ARCHIVED:
        return this != ARCHIVED;
      default:
        return false;
    }
  }
}
