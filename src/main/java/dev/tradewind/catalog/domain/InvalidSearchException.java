package dev.tradewind.catalog.domain;

/** A search parameter that breaks a rule: which one, the rule, and what to send instead. */
public final class InvalidSearchException extends IllegalArgumentException {
  private final String field;
  private final String rule;

  public InvalidSearchException(String field, String rule, String message) {
    super(message);
    this.field = field;
    this.rule = rule;
  }

  public String field() {
    return field;
  }

  public String rule() {
    return rule;
  }
}
