package dev.tradewind.edge;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.Map;
import java.util.Set;

/**
 * The validator knows only JSON, form, text and octet-stream bodies. A body of a media type it does not know but
 * the contract declares (such as {@code text/csv}, see {@link ApiContract}) is handed to it as an opaque
 * {@code application/octet-stream}, so parameters are still validated and the body reaches the context as bytes.
 * String parameters reach the validator as JSON strings ({@link StringParameters}).
 */
final class RawBodyExtractor implements RequestExtractor {
  private final RequestExtractor delegate = RequestExtractor.withBodyHandler();
  private final Map<String, Set<String>> rawMediaTypes;

  RawBodyExtractor(Map<String, Set<String>> rawMediaTypes) {
    this.rawMediaTypes = Map.copyOf(rawMediaTypes);
  }

  @Override
  public Future<ValidatableRequest> extractValidatableRequest(RoutingContext ctx, Operation operation) {
    return delegate.extractValidatableRequest(ctx, operation).map(request -> {
      String mediaType = BodyGuard.mediaType(request.getContentType());
      Set<String> raw = rawMediaTypes.getOrDefault(operation.getOperationId(), Set.of());
      ValidatableRequest quoted = StringParameters.quoted(request, operation);
      return mediaType != null && raw.contains(mediaType) ? new Opaque(quoted) : quoted;
    });
  }

  private record Opaque(ValidatableRequest request) implements ValidatableRequest {
    @Override
    public String getContentType() {
      return MediaType.APPLICATION_OCTET_STREAM;
    }

    @Override
    public Map<String, RequestParameter> getCookies() {
      return request.getCookies();
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return request.getHeaders();
    }

    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return request.getPathParameters();
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return request.getQuery();
    }

    @Override
    public RequestParameter getBody() {
      return request.getBody();
    }
  }
}
