package dev.tradewind.identity.domain;

import static dev.tradewind.identity.domain.AuditFixtures.AT;
import static dev.tradewind.identity.domain.AuditFixtures.facts;
import static dev.tradewind.identity.domain.AuditFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditHashTest {
  private static final AuditFacts ENTRY = facts(42);
  private static final byte[] PREV = AuditHash.of(AuditHash.genesis(), facts(41));

  @Test
  @DisplayName("the same entry after the same hash always hashes the same, to 32 bytes")
  void isDeterministic() {
    assertThat(AuditHash.of(PREV, ENTRY)).hasSize(32).isEqualTo(AuditHash.of(PREV.clone(), facts(42)));
  }

  @Test
  @DisplayName("the v1 form is pinned: changing it silently would break every chain already stored")
  void formIsPinned() {
    assertThat(HexFormat.of().formatHex(AuditHash.of(AuditHash.genesis(), facts(1))))
      .isEqualTo("f81f2f574583ca33ee841495bae592903359347366b5c23df74ac8b7770555fc");
  }

  @Test
  @DisplayName("the first entry links to 32 zero bytes")
  void genesisIsZeros() {
    assertThat(AuditHash.genesis()).hasSize(32).containsOnly(0);
  }

  @Test
  @DisplayName("changing any one field, or the previous hash, changes the hash")
  void everyFieldCounts() {
    Map<String, UnaryOperator<AuditFacts>> edits = new LinkedHashMap<>();
    edits.put("seq", f -> with(f, 0, 43L));
    edits.put("id", f -> with(f, 1, UUID.randomUUID()));
    edits.put("occurredAt", f -> with(f, 2, AT.plusNanos(1_000)));
    edits.put("actorKind", f -> with(f, 3, "SERVICE"));
    edits.put("actorId", f -> with(f, 4, null));
    edits.put("action", f -> with(f, 5, "auth.login.failed"));
    edits.put("targetType", f -> with(f, 6, "merchant"));
    edits.put("targetId", f -> with(f, 7, "9f0c6d1e-0000-0000-0000-000000000002"));
    edits.put("clientAddress", f -> with(f, 8, "203.0.113.8"));
    edits.put("requestId", f -> with(f, 9, "req-x"));
    edits.put("context", f -> with(f, 10, "catalog"));
    edits.put("details", f -> with(f, 11, "{\"method\":\"password\",\"mfa\":true}"));
    byte[] original = AuditHash.of(PREV, ENTRY);
    edits.forEach((field, edit) ->
      assertThat(AuditHash.of(PREV, edit.apply(ENTRY))).as(field).isNotEqualTo(original));
    assertThat(AuditHash.of(AuditHash.genesis(), ENTRY)).as("prevHash").isNotEqualTo(original);
  }

  @Test
  @DisplayName("an absent value is not an empty one, and text cannot slide from one field into the next")
  void fieldsHaveBoundaries() {
    assertThat(AuditHash.of(PREV, with(ENTRY, 8, null))).isNotEqualTo(AuditHash.of(PREV, with(ENTRY, 8, "")));
    AuditFacts split = with(with(ENTRY, 6, "user"), 7, "x");
    AuditFacts slid = with(with(ENTRY, 6, "userx"), 7, "");
    assertThat(AuditHash.of(PREV, split)).isNotEqualTo(AuditHash.of(PREV, slid));
  }

  @Test
  @DisplayName("the order of keys in details, at any depth, and how a number is spelled do not matter")
  void detailsAreCanonical() {
    AuditFacts ordered = with(ENTRY, 11, "{\"a\":1,\"b\":{\"x\":[1,2],\"y\":\"z\"},\"price\":12.50}");
    AuditFacts shuffled = with(ENTRY, 11, "{ \"price\": 1.25e1, \"b\": {\"y\": \"z\", \"x\": [1, 2]}, \"a\": 1.0 }");
    assertThat(AuditHash.of(PREV, shuffled)).isEqualTo(AuditHash.of(PREV, ordered));
    AuditFacts reordered = with(ENTRY, 11, "{\"a\":1,\"b\":{\"x\":[2,1],\"y\":\"z\"},\"price\":12.50}");
    assertThat(AuditHash.of(PREV, reordered)).as("array order does matter").isNotEqualTo(AuditHash.of(PREV, ordered));
  }

  @Test
  @DisplayName("time counts to the microsecond, as PostgreSQL keeps it, and no finer")
  void timeInMicros() {
    assertThat(AuditHash.of(PREV, with(ENTRY, 2, ENTRY.occurredAt().plusNanos(999))))
      .isEqualTo(AuditHash.of(PREV, ENTRY));
  }

  @Test
  @DisplayName("a previous hash that is not 32 bytes is refused")
  void prevHashHasALength() {
    assertThatThrownBy(() -> AuditHash.of(new byte[31], ENTRY)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("canonical JSON sorts keys, drops whitespace and spells numbers one way")
  void canonicalJson() {
    assertThat(CanonicalJson.of("{\"b\": [1.50, 100, -0.0, 1e999999999], \"a\": \"\\u00e9\\n\", \"c\": null}"))
      .isEqualTo("{\"a\":\"é\\n\",\"b\":[15e-1,1e2,0,1e999999999],\"c\":null}");
  }
}
