package dev.tradewind.identity.domain;

import static dev.tradewind.identity.domain.AuditFixtures.TARGET_ID;
import static dev.tradewind.identity.domain.AuditFixtures.chain;
import static dev.tradewind.identity.domain.AuditFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradewind.identity.domain.AuditFixtures.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

  @Test
  @DisplayName("an untouched chain whose head points at its last entry is intact")
  void intact() {
    List<Row> rows = chain(5);
    assertThat(verify(rows, 5L, rows.get(4).hash())).isEqualTo(Verification.intact(5));
  }

  @Test
  @DisplayName("an empty trail with the genesis head, or with no head at all, is intact")
  void empty() {
    assertThat(verify(List.of(), 0L, AuditHash.genesis())).isEqualTo(Verification.intact(0));
    assertThat(verify(List.of(), null, null)).isEqualTo(Verification.intact(0));
  }

  @Test
  @DisplayName("an edited entry breaks the chain at that entry")
  void edited() {
    List<Row> rows = new ArrayList<>(chain(5));
    Row third = rows.get(2);
    rows.set(2, new Row(with(third.facts(), TARGET_ID, "someone-else"), third.prevHash(), third.hash()));
    assertThat(verify(rows, 5L, rows.get(4).hash())).isEqualTo(
      Verification.broken(2, 3L, "entry 3 was altered: its content no longer matches its hash"));
  }

  @Test
  @DisplayName("an edited entry whose hash was recomputed to match breaks the chain at the next entry")
  void rehashed() {
    List<Row> rows = new ArrayList<>(chain(5));
    Row third = rows.get(2);
    AuditFacts forged = with(third.facts(), TARGET_ID, "someone-else");
    rows.set(2, new Row(forged, third.prevHash(), AuditHash.of(third.prevHash(), forged)));
    assertThat(verify(rows, 5L, rows.get(4).hash()))
      .isEqualTo(Verification.broken(3, 4L, "entry 4 does not link to the entry before it"));
  }

  @Test
  @DisplayName("a deleted middle entry is reported as the missing seq")
  void deletedInTheMiddle() {
    List<Row> rows = new ArrayList<>(chain(5));
    rows.remove(1);
    assertThat(verify(rows, 5L, rows.get(3).hash()))
      .isEqualTo(Verification.broken(1, 2L, "entry 2 is missing: the chain goes on at 3"));
  }

  @Test
  @DisplayName("entries cut from the end are caught by the chain head")
  void cutAtTheEnd() {
    List<Row> rows = chain(5);
    assertThat(verify(rows.subList(0, 3), 5L, rows.get(4).hash())).isEqualTo(Verification.broken(3, 4L, "entries 4 to 5 are missing: the chain head is at 5"));
  }

  @Test
  @DisplayName("a head that does not match the last entry's hash, or no head in front of entries, is a break")
  void headMismatch() {
    List<Row> rows = chain(3);
    assertThat(verify(rows, 3L, rows.get(1).hash()).firstBrokenSeq()).isEqualTo(3);
    assertThat(verify(rows, null, null).problem()).isEqualTo("the chain head is missing");
  }

  private static Verification verify(List<Row> rows, Long headSeq, byte[] headHash) {
    ChainVerifier verifier = new ChainVerifier();
    for (Row row : rows) {
      if (!verifier.accept(row.facts(), row.prevHash(), row.hash())) {
        break;
      }
    }
    return verifier.finish(headSeq, headHash);
  }
}
