package dev.tradewind.identity.domain;

/**
 * What checking the audit chain found: intact, or the first entry at which it breaks and how.
 * {@code entriesChecked} counts the entries that were found sound before the check stopped.
 */
public record Verification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {
  public static Verification intact(long entriesChecked) {
    return new Verification(true, entriesChecked, null, null);
  }

  public static Verification broken(long entriesChecked, Long firstBrokenSeq, String problem) {
    return new Verification(false, entriesChecked, firstBrokenSeq, problem);
  }
}
