package dev.tradewind.identity.domain;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What an audit entry must look like before it joins the chain. Entries are never corrected afterwards, so a
 * malformed one is refused up front rather than kept for ever.
 */
public final class AuditEntryRules {
  public static final Set<String> ACTOR_KINDS = Set.of("USER", "SERVICE", "SYSTEM", "ANONYMOUS");
  public static final int MAX_DETAILS_BYTES = 4096;
  private static final int MAX_TEXT = 200;
  private static final Pattern CONTEXT = Pattern.compile("[a-z][a-z0-9-]*");
  private static final Pattern ACTION = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

  private AuditEntryRules() {
  }

  /** The first rule the entry breaks, if any. */
  public static Optional<String> violation(String context, String action, String actorKind, UUID actorId,
                                           String targetType, String targetId, String clientAddress,
                                           String requestId, int detailsBytes) {
    if (context == null || !CONTEXT.matcher(context).matches()) {
      return Optional.of("context must name a bounded context in lower case, not '" + context + "'");
    }
    if (action == null || action.length() > MAX_TEXT || !ACTION.matcher(action).matches()) {
      return Optional.of("action must be dotted lower case such as auth.login.failed, not '" + action + "'");
    }
    if (!ACTOR_KINDS.contains(actorKind)) {
      return Optional.of("actorKind must be one of " + ACTOR_KINDS + ", not '" + actorKind + "'");
    }
    if ("USER".equals(actorKind) && actorId == null) {
      return Optional.of("a USER actor needs its actorId");
    }
    if ("ANONYMOUS".equals(actorKind) && actorId != null) {
      return Optional.of("an ANONYMOUS actor has no actorId");
    }
    if (blank(targetType) || blank(targetId)) {
      return Optional.of("targetType and targetId are required");
    }
    if (tooLong(targetType) || tooLong(targetId) || tooLong(clientAddress) || tooLong(requestId)) {
      return Optional.of("targetType, targetId, clientAddress and requestId are at most " + MAX_TEXT + " characters");
    }
    if (detailsBytes > MAX_DETAILS_BYTES) {
      return Optional.of("details are at most " + MAX_DETAILS_BYTES + " bytes of JSON, not " + detailsBytes);
    }
    return Optional.empty();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static boolean tooLong(String value) {
    return value != null && value.length() > MAX_TEXT;
  }
}
