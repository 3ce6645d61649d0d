package dev.tradewind.shared.auth;

/**
 * An access token was refused. {@link #reason()} is a short machine word ({@code expired}, {@code bad-signature},
 * {@code missing-claim:exp} …) fit for logs and metrics; neither it nor the message ever holds the token, which
 * is a credential.
 */
public final class InvalidTokenException extends RuntimeException {

  private final String reason;

  public InvalidTokenException(String reason) {
    // Thrown once per refused request, attacks included: a stack trace would cost and tell nothing.
    super("invalid access token: " + reason, null, false, false);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
