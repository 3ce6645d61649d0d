package dev.tradewind.shared.api;

import dev.tradewind.shared.bus.Bus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.sqlclient.ClosedConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping from a failure to the problem the client sees. Unexpected failures are logged, never shown. */
public final class Problems {
  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {
  }

  /** A failure of capacity, not of the request: a full connection pool, or a connection lost to the database. */
  public static boolean unavailable(Throwable failure) {
    return failure instanceof ConnectionPoolTooBusyException || failure instanceof ClosedConnectionException;
  }

  public static Problem from(Throwable failure, String requestId) {
    if (failure instanceof ProblemException known) {
      return known.problem();
    }
    if (unavailable(failure)) {
      return Problem.of(ProblemType.UNAVAILABLE, "The database is at capacity; retry shortly.");
    }
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE && reply.failureCode() == Bus.UNAVAILABLE) {
        return Problem.of(ProblemType.UNAVAILABLE, "The service handling this request is at capacity; retry shortly.");
      }
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return Problem.of(ProblemType.TIMEOUT, "The request did not complete in time.");
      }
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return Problem.of(ProblemType.UNAVAILABLE, "The service handling this request is not running.");
      }
    }
    LOG.error("unexpected failure, request {}", requestId, failure);
    return Problem.of(ProblemType.INTERNAL, "The error was logged with the request id.");
  }
}
