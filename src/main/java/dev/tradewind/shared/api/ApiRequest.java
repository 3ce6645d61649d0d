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

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }
}
