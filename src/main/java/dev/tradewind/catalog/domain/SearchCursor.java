package dev.tradewind.catalog.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of search results ended: the sort it was read in, the last row's sort key (a decimal as PostgreSQL
 * printed it, so it compares exactly) and its id. Opaque to callers (base64url JSON), who pass it back untouched; a page
 * resumes strictly after (key, id), so products added meanwhile never shift or repeat what is still to come.
 */
public record SearchCursor(SearchSort sort, String key, UUID id) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_LENGTH = 512;
  private static final int MAX_DIGITS = 40;

  public SearchCursor {
    if (sort == null || key == null || id == null) {
      throw new IllegalArgumentException("a cursor needs its sort, key and id");
    }
  }

  public String encode() {
    ObjectNode node = JSON.createObjectNode().put("s", sort.apiName()).put("k", key).put("i", id.toString());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a token stands for, which must have been made for {@code expected}; else an {@link InvalidSearchException}. */
  public static SearchCursor decode(String token, SearchSort expected) {
    if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
      throw malformed();
    }
    try {
      JsonNode node = JSON.readTree(Base64.getUrlDecoder().decode(token));
      SearchSort sort = SearchSort.valueOf(text(node, "s").toUpperCase(java.util.Locale.ROOT));
      String key = decimal(text(node, "k"));
      SearchCursor cursor = new SearchCursor(sort, key, UUID.fromString(text(node, "i")));
      if (sort != expected) {
        throw new InvalidSearchException("cursor", "cursor-sort", "this cursor belongs to a search sorted by "
          + sort.apiName() + ": repeat the search with the same parameters");
      }
      return cursor;
    } catch (InvalidSearchException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      throw malformed();
    }
  }

  private static String decimal(String text) {
    BigDecimal value = new BigDecimal(text);
    if (value.precision() > MAX_DIGITS || Math.abs(value.scale()) > MAX_DIGITS) {
      throw new IllegalArgumentException("key out of range");
    }
    return value.toPlainString();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new IllegalArgumentException("missing " + field);
    }
    return value.asText();
  }

  private static InvalidSearchException malformed() {
    return new InvalidSearchException("cursor", "cursor", "malformed cursor: pass back the nextCursor of the previous"
      + " page unchanged");
  }
}
