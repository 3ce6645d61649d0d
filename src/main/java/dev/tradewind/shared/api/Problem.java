package dev.tradewind.shared.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 problem document. {@code type} is stable and machine-readable; {@code title} is the same for
 * every occurrence of a type; {@code detail} explains this occurrence; {@code errors} names failing fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
                      List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_PREFIX = "urn:tradewind:problem:";

  public Problem {
    errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
  }

  /** One failing input: a JSON pointer or parameter name, and the rule it broke. */
  public record FieldError(String field, String rule, String message) {
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, null, null);
  }

  public static Problem invalid(String detail, List<FieldError> errors) {
    ProblemType type = ProblemType.VALIDATION;
    return new Problem(TYPE_PREFIX + type.slug(), type.title(), type.status(), detail, null, null, errors);
  }

  public static Problem invalidField(String field, String rule, String message) {
    return invalid(message, List.of(new FieldError(field, rule, message)));
  }

  public Problem at(String instance, String requestId) {
    return new Problem(type, title, status, detail, instance, requestId, errors);
  }
}
