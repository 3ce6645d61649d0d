package dev.tradewind.identity.domain;

import java.security.MessageDigest;

/**
 * Walks the audit chain one stored entry at a time, in seq order, and stops at the first one that does not
 * hold: a missing seq (an entry deleted), a {@code prev_hash} that is not the previous entry's hash (entries
 * removed or reordered), or a hash that no longer matches the entry's content (an entry edited). At the end the
 * chain head must point at the last entry, or entries were cut from the end.
 */
public final class ChainVerifier {
  private long nextSeq = 1;
  private byte[] prevHash = AuditHash.genesis();
  private long checked;
  private Verification broken;

  /** Answers false once the chain is found broken; later entries are then ignored. */
  public boolean accept(AuditFacts facts, byte[] storedPrevHash, byte[] storedHash) {
    if (broken != null) {
      return false;
    }
    long seq = facts.seq();
    if (seq != nextSeq) {
      return fail(nextSeq, "entry " + nextSeq + " is missing: the chain goes on at " + seq);
    }
    if (!MessageDigest.isEqual(prevHash, storedPrevHash)) {
      return fail(seq, "entry " + seq + " does not link to the entry before it");
    }
    if (!MessageDigest.isEqual(AuditHash.of(prevHash, facts), storedHash)) {
      return fail(seq, "entry " + seq + " was altered: its content no longer matches its hash");
    }
    prevHash = storedHash;
    nextSeq++;
    checked++;
    return true;
  }

  /** The seq of the last entry found sound, 0 before the first. */
  public long lastSeq() {
    return nextSeq - 1;
  }

  /** The verdict, given the chain head as read before the walk ({@code headSeq} null when there is no head). */
  public Verification finish(Long headSeq, byte[] headHash) {
    if (broken != null) {
      return broken;
    }
    if (headSeq == null) {
      return checked == 0 ? Verification.intact(0) : Verification.broken(checked, null, "the chain head is missing");
    }
    if (lastSeq() < headSeq) {
      long first = lastSeq() + 1;
      String missing = first == headSeq ? "entry " + first + " is" : "entries " + first + " to " + headSeq + " are";
      return Verification.broken(checked, first, missing + " missing: the chain head is at " + headSeq);
    }
    if (lastSeq() > headSeq || !MessageDigest.isEqual(prevHash, headHash)) {
      return Verification.broken(checked, headSeq, "the chain head does not match entry " + headSeq);
    }
    return Verification.intact(checked);
  }

  private boolean fail(long seq, String problem) {
    broken = Verification.broken(checked, seq, problem);
    return false;
  }
}
