package dev.tradewind.edge;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;

import java.util.Set;

/**
 * Reads the body with the limit of the operation it is for: the large limit for operations the contract marks
 * {@code x-large-body: true}, the ordinary one for everything else (and for unknown routes). It is a
 * {@link BodyHandler} so the router keeps it in the body handler's place, before authentication; so a large body is
 * read only after {@link AuthGuard} has admitted its caller, and nobody without the permission gets to send 16 MiB.
 */
final class OperationBodyHandler implements BodyHandler {
  static final String LARGE_BODY_EXTENSION = "x-large-body";

  private final OpenAPIContract contract;
  private final Set<String> largeOperations;
  private final BodyHandler ordinary;
  private final BodyHandler large;
  private final AuthGuard guard;

  OperationBodyHandler(OpenAPIContract contract, Set<String> largeOperations, long ordinaryLimit, long largeLimit,
                       AuthGuard guard) {
    this.contract = contract;
    this.guard = guard;
    this.largeOperations = Set.copyOf(largeOperations);
    this.ordinary = BodyHandler.create(false).setBodyLimit(ordinaryLimit);
    this.large = BodyHandler.create(false).setBodyLimit(largeLimit);
  }

  static boolean large(Operation operation) {
    return Boolean.TRUE.equals(operation.getExtensions().get(LARGE_BODY_EXTENSION));
  }

  @Override
  public void handle(RoutingContext ctx) {
    Operation operation = contract.findOperation(ctx.request().path(), ctx.request().method());
    if (operation == null || !largeOperations.contains(operation.getOperationId())) {
      ordinary.handle(ctx);
    } else {
      // Refused, the connection closes after the answer instead of taking in the unread body.
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      if (guard.admits(ctx, operation)) {
        ctx.response().headers().remove(HttpHeaders.CONNECTION);
        large.handle(ctx);
      }
    }
  }

  @Override
  public BodyHandler setHandleFileUploads(boolean handleFileUploads) {
    throw new UnsupportedOperationException("configured once, at construction");
  }

  @Override
  public BodyHandler setBodyLimit(long bodyLimit) {
    throw new UnsupportedOperationException("configured once, at construction");
  }

  @Override
  public BodyHandler setUploadsDirectory(String uploadsDirectory) {
    throw new UnsupportedOperationException("configured once, at construction");
  }

  @Override
  public BodyHandler setMergeFormAttributes(boolean mergeFormAttributes) {
    throw new UnsupportedOperationException("configured once, at construction");
  }

  @Override
  public BodyHandler setDeleteUploadedFilesOnEnd(boolean deleteUploadedFilesOnEnd) {
    throw new UnsupportedOperationException("configured once, at construction");
  }

  @Override
  public BodyHandler setPreallocateBodyBuffer(boolean isPreallocateBodyBuffer) {
    throw new UnsupportedOperationException("configured once, at construction");
  }
}
