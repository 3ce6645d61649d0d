package dev.tradewind.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuditCursorTest {

  @Test
  @DisplayName("a cursor is URL-safe text that gives back its seq")
  void roundTrips() {
    for (long seq : new long[]{1, 200, Long.MAX_VALUE}) {
      String cursor = AuditCursor.encode(seq);
      assertThat(cursor).matches("[A-Za-z0-9_-]+");
      assertThat(AuditCursor.decode(cursor)).isEqualTo(seq);
      assertThat(AuditQuery.all(10).after(cursor).afterSeq()).isEqualTo(seq);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a cursor", "AAAA", "AAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAA", "%2F"})
  @DisplayName("anything else is refused with a message that says to pass nextCursor back unchanged")
  void malformed(String cursor) {
    assertThatThrownBy(() -> AuditCursor.decode(cursor)).isInstanceOf(IllegalArgumentException.class)
      .hasMessageContaining("malformed cursor").hasMessageContaining("nextCursor");
  }

  @Test
  @DisplayName("a page holds at most 200 entries, and 50 when no limit is given")
  void limits() {
    assertThat(AuditQuery.all(1_000).limit()).isEqualTo(200);
    assertThat(AuditQuery.all(0).limit()).isEqualTo(50);
    assertThat(AuditQuery.all(7).limit()).isEqualTo(7);
  }
}
