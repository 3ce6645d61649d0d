package dev.tradewind.catalog.domain;

import java.util.Optional;

/** What a buyer writes: a rating of 1 to 5 stars, an optional short title and the text. */
public record NewReview(int rating, String title, String body) {
  public static final int MAX_TITLE = 120;
  public static final int MAX_BODY = 5_000;

  /** A field that breaks a rule, and why. */
  public record Violation(String field, String rule, String message) {
  }

  /** Title and body without surrounding blanks; a blank title is no title. */
  public static NewReview of(int rating, String title, String body) {
    String trimmedTitle = title == null || title.isBlank() ? null : title.strip();
    return new NewReview(rating, trimmedTitle, body == null ? "" : body.strip());
  }

  /** The first rule the review breaks, if any. */
  public Optional<Violation> violation() {
    if (rating < 1 || rating > 5) {
      return Optional.of(new Violation("/rating", "range", "rating is a whole number of stars from 1 to 5"));
    }
    if (title != null && title.length() > MAX_TITLE) {
      return Optional.of(new Violation("/title", "maxLength", "title is at most " + MAX_TITLE + " characters"));
    }
    if (body.isEmpty() || body.length() > MAX_BODY) {
      return Optional.of(new Violation("/body", "length", "body is 1 to " + MAX_BODY + " characters of text"));
    }
    return Optional.empty();
  }
}
