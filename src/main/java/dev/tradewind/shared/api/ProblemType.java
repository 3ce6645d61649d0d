package dev.tradewind.shared.api;

/** The stable problem types of the API; the slug is part of the contract and never changes. */
public enum ProblemType {
  VALIDATION("validation", "The request is not valid", 400),
  MALFORMED_JSON("malformed-json", "The request body is not well-formed JSON", 400),
  UNAUTHENTICATED("unauthenticated", "Authentication is required", 401),
  FORBIDDEN("forbidden", "This action is not allowed", 403),
  NOT_FOUND("not-found", "The resource does not exist", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
  NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
  CONFLICT("conflict", "The request conflicts with the current state", 409),
  PRECONDITION_FAILED("precondition-failed", "The resource has changed since it was read", 412),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body media type is not supported", 415),
  UNPROCESSABLE("unprocessable", "The request cannot be processed", 422),
  PRECONDITION_REQUIRED("precondition-required", "A precondition header is required", 428),
  TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
  INTERNAL("internal", "Something went wrong on our side", 500),
  UNAVAILABLE("unavailable", "The service is busy or starting; retry shortly", 503),
  TIMEOUT("timeout", "The request took too long", 504);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
