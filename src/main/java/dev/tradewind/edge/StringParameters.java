package dev.tradewind.edge;

import io.vertx.core.json.Json;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Style;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * vertx-openapi 5.0 reads a string parameter that is not a single word (a UUID, an {@code Idempotency-Key}) by trying
 * to parse it as JSON and, when that fails, parsing it again in quotes: two exceptions with their stack traces for
 * every such parameter of every request, and a value such as {@code 12.5} read as a number. Each plain string
 * parameter is handed to the validator already as the JSON string it stands for, which it reads back to the very same
 * value at once.
 */
final class StringParameters {
  private StringParameters() {
  }

  static ValidatableRequest quoted(ValidatableRequest request, Operation operation) {
    if (operation.getParameters().stream().noneMatch(StringParameters::plainString)) {
      return request;
    }
    return new Quoted(request, quote(request.getPathParameters(), operation, Location.PATH),
      quote(request.getQuery(), operation, Location.QUERY), quote(request.getHeaders(), operation, Location.HEADER),
      quote(request.getCookies(), operation, Location.COOKIE));
  }

  private static boolean plainString(Parameter p) {
    return p.getSchemaType() == SchemaType.STRING && (p.getStyle() == Style.SIMPLE || p.getStyle() == Style.FORM);
  }

  private static Map<String, RequestParameter> quote(Map<String, RequestParameter> values, Operation operation,
                                                     Location in) {
    Map<String, RequestParameter> quoted = null;
    for (Parameter p : operation.getParameters()) {
      RequestParameter value = p.getIn() == in && plainString(p) ? values.get(p.getName()) : null;
      if (value != null && !value.isNull() && value.get() instanceof String raw) {
        if (quoted == null) {
          quoted = new HashMap<>(values);
        }
        String json = Json.encode(raw);
        quoted.put(p.getName(), () -> json);
      }
    }
    return quoted == null ? values : quoted;
  }

  private record Quoted(ValidatableRequest request, Map<String, RequestParameter> path,
                        Map<String, RequestParameter> query, Map<String, RequestParameter> headers,
                        Map<String, RequestParameter> cookies) implements ValidatableRequest {
    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return path;
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return query;
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return headers;
    }

    @Override
    public Map<String, RequestParameter> getCookies() {
      return cookies;
    }

    @Override
    public RequestParameter getBody() {
      return request.getBody();
    }

    @Override
    public String getContentType() {
      return request.getContentType();
    }
  }
}
