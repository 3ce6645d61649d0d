package dev.tradewind.catalog.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Review rules, rating summaries and review cursors")
class ReviewRulesTest {
  @Test
  @DisplayName("a review is 1 to 5 stars, an optional title of at most 120 characters and some text")
  void rules() {
    assertThat(NewReview.of(5, "  ", " Lovely. ").violation()).isEmpty();
    assertThat(NewReview.of(5, "  ", " Lovely. ")).isEqualTo(new NewReview(5, null, "Lovely."));
    assertThat(NewReview.of(0, null, "x").violation()).get().extracting(NewReview.Violation::field).isEqualTo("/rating");
    assertThat(NewReview.of(3, "t".repeat(121), "x").violation()).get().extracting(NewReview.Violation::field).isEqualTo("/title");
    assertThat(NewReview.of(3, null, "   ").violation()).get().extracting(NewReview.Violation::field).isEqualTo("/body");
    assertThat(NewReview.of(3, null, "b".repeat(5_001)).violation()).isPresent();
  }

  @Test
  @DisplayName("the average has two decimals, rounded half-even, and is null before the first rating")
  void average() {
    assertThat(new RatingSummary(0, 0).average()).isNull();
    assertThat(new RatingSummary(3, 13).average()).isEqualTo("4.33");
    assertThat(new RatingSummary(8, 21).average()).isEqualTo("2.62");
  }

  @Test
  @DisplayName("a cursor round-trips to the microsecond, and a tampered one is refused with a reason")
  void cursor() {
    ReviewCursor cursor = new ReviewCursor(Instant.parse("2026-03-01T10:15:30.123456Z"), UUID.randomUUID());
    assertThat(ReviewCursor.decode(cursor.encode())).isEqualTo(cursor);
    assertThatThrownBy(() -> ReviewCursor.decode("not-a-cursor")).isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("nextCursor");
    assertThatThrownBy(() -> ReviewCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
  }
}
