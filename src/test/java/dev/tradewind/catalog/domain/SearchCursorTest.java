package dev.tradewind.catalog.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A search cursor is opaque, exact, and refuses anything it did not make")
class SearchCursorTest {
  private final UUID id = UUID.fromString("0b7e1d1c-4b8e-4f57-9d34-2f1b8e1f0a11");

  @Test
  @DisplayName("a cursor decodes to the same sort, key and id, and its text is URL-safe")
  void roundTrip() {
    SearchCursor cursor = new SearchCursor(SearchSort.PRICE_ASC, "97.20", id);
    String token = cursor.encode();
    assertThat(token).matches("[A-Za-z0-9_-]+");
    assertThat(SearchCursor.decode(token, SearchSort.PRICE_ASC)).isEqualTo(cursor);
  }

  @Test
  @DisplayName("keys keep every digit: microsecond timestamps and float ranks compare exactly after the round trip")
  void exactKeys() {
    for (String key : new String[] {"1795186800123456", "0.0607927", "-3.5", "0"}) {
      assertThat(SearchCursor.decode(new SearchCursor(SearchSort.NEWEST, key, id).encode(), SearchSort.NEWEST).key())
        .isEqualTo(key);
    }
  }

  @Test
  @DisplayName("garbage, truncated tokens, non-decimal keys and absurd exponents are refused as the cursor field")
  void malformed() {
    String valid = new SearchCursor(SearchSort.NEWEST, "1", id).encode();
    for (String token : new String[] {"not a cursor!", valid.substring(0, valid.length() - 3), encode("[1,2]"),
      encode("{\"s\":\"newest\",\"k\":\"abc\",\"i\":\"" + id + "\"}"),
      encode("{\"s\":\"newest\",\"k\":\"1e999999\",\"i\":\"" + id + "\"}"),
      encode("{\"s\":\"newest\",\"k\":\"1\",\"i\":\"nope\"}"),
      encode("{\"s\":\"sideways\",\"k\":\"1\",\"i\":\"" + id + "\"}"), "x".repeat(600)}) {
      assertThatThrownBy(() -> SearchCursor.decode(token, SearchSort.NEWEST)).as(token)
        .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }
  }

  @Test
  @DisplayName("a cursor made for one order cannot continue another")
  void otherSort() {
    String token = new SearchCursor(SearchSort.PRICE_DESC, "10", id).encode();
    assertThatThrownBy(() -> SearchCursor.decode(token, SearchSort.PRICE_ASC))
      .isInstanceOfSatisfying(InvalidSearchException.class, e -> assertThat(e.rule()).isEqualTo("cursor-sort"));
  }

  private static String encode(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
