package dev.tradewind.shared.api;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * An HTTP call that the edge has already validated against the OpenAPI contract, handed to the context that
 * owns the operation. Parameters are typed as the contract declares them; {@code headers} holds only the
 * headers the contract names (lower case).
 */
public record ApiRequest(
  String operationId,
  Map<String, Object> path,
  Map<String, Object> query,
  Map<String, String> headers,
  JsonObject body,
  Caller caller,
  String clientAddress,
  String requestId) {

  public ApiRequest {
    path = Map.copyOf(path);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  public String pathParam(String name) {
    Object value = path.get(name);
    return value == null ? null : value.toString();
  }

  /**
   * A path parameter that names an object by UUID. The contract's {@code format: uuid} also admits forms such
   * as {@code urn:uuid:…}; any id that is not a plain UUID names nothing here, so it is 404 like a missing one.
   */
  public java.util.UUID pathId(String name) {
    String value = pathParam(name);
    try {
      return java.util.UUID.fromString(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new ProblemException(ProblemType.NOT_FOUND, "No object with the id " + value + ".");
    }
  }

  /**
   * An optional top-level body member holding a UUID, null when absent; anything else, the {@code urn:uuid:} form the
   * contract's format admits included, is 400 naming the member.
   */
  public java.util.UUID bodyId(String name) {
    String value = body == null ? null : body.getString(name);
    if (value == null) {
      return null;
    }
    try {
      return java.util.UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField(name, "uuid", name + " must be a UUID (8-4-4-4-12 hex digits)"));
    }
  }

  /** An optional query parameter holding a UUID; anything else is 400 naming the parameter. */
  public java.util.UUID queryId(String name) {
    Object value = query.get(name);
    if (value == null) {
      return null;
    }
    try {
      return java.util.UUID.fromString(value.toString());
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.invalidField(name, "uuid", name + " must be a UUID"));
    }
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
