package dev.tradewind.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradewind.shared.auth.Permission;
import dev.tradewind.shared.bus.Bus;
import dev.tradewind.shared.bus.RecordCodec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ApiDispatcherTest {

  private static final Caller BUYER = new Caller("user-1", "session-1", Set.of("BUYER"), null);
  private static final Caller ADMIN = new Caller("admin-1", "session-2", Set.of("ADMIN"), null);

  private Vertx vertx;
  private final AtomicInteger handled = new AtomicInteger();
  private final ApiHandler countingHandler = request -> {
    handled.incrementAndGet();
    return Future.succeededFuture(ApiReply.ok(new JsonObject().put("operation", request.operationId())));
  };

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
    RecordCodec.register(vertx.eventBus());
  }

  @AfterEach
  void closeVertx() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private ApiReply call(String operationId, Caller caller) throws Exception {
    ApiRequest request = new ApiRequest(operationId, Map.of(), Map.of(), Map.of(), null, caller, "127.0.0.1",
      "req-1");
    return await(Bus.request(vertx, ApiDispatcher.address("ctx"), request, "req-1"));
  }

  private void registered(ApiDispatcher dispatcher) throws Exception {
    await(dispatcher.register(vertx));
  }

  /** A context's usual mix: a public, a signed-in, a merchant and an admin operation, all counting their calls. */
  private void registeredTheUsualOperations() throws Exception {
    registered(new ApiDispatcher("ctx")
      .on("listProducts", Permission.PUBLIC, countingHandler)
      .on("getCart", Permission.AUTHENTICATED, countingHandler)
      .on("editProduct", Permission.CATALOG_EDIT, countingHandler)
      .on("rotateKeys", Permission.ADMIN_KEYS_ROTATE, countingHandler));
  }

  private void assertRefusedBeforeTheHandler(ApiReply reply, ProblemType type) {
    assertProblem(reply, type);
    assertThat(handled).hasValue(0);
  }

  private static void assertProblem(ApiReply reply, ProblemType type) {
    assertThat(reply.status()).isEqualTo(type.status());
    assertThat(reply.body()).isInstanceOfSatisfying(Problem.class, problem -> {
      assertThat(problem.status()).isEqualTo(type.status());
      assertThat(problem.type()).isEqualTo(Problem.TYPE_PREFIX + type.slug());
    });
  }

  @Test
  @DisplayName("an operation registered without the permission it needs is refused at start-up")
  void permissionIsRequired() {
    ApiDispatcher dispatcher = new ApiDispatcher("ctx");

    assertThatThrownBy(() -> dispatcher.on("getThing", null, countingHandler))
      .isInstanceOf(IllegalStateException.class).hasMessageContaining("getThing");
  }

  @Test
  @DisplayName("an operation registered twice is refused at start-up, even with the same permission")
  void operationRegisteredOnce() {
    ApiDispatcher dispatcher = new ApiDispatcher("ctx").on("getThing", Permission.PUBLIC, countingHandler);

    assertThatThrownBy(() -> dispatcher.on("getThing", Permission.PUBLIC, countingHandler))
      .isInstanceOf(IllegalStateException.class).hasMessageContaining("getThing");
  }

  @Test
  @DisplayName("each operation's permission is published for the edge as context:permission-key")
  void declaredPermissionsArePublished() throws Exception {
    registeredTheUsualOperations();

    Map<String, String> declared = Map.copyOf(vertx.sharedData().<String, String>getLocalMap(ApiDispatcher.DECLARED));

    assertThat(declared).containsExactlyInAnyOrderEntriesOf(Map.of(
      "listProducts", "ctx:public",
      "getCart", "ctx:authenticated",
      "editProduct", "ctx:catalog.edit",
      "rotateKeys", "ctx:admin.keys.rotate"));
  }

  @Test
  @DisplayName("a caller the permission does not admit never reaches the handler, whatever the edge decided: "
    + "anonymous gets 401 on an AUTHENTICATED operation, a buyer 403 on an admin one")
  void refusedCallersNeverReachTheHandler() throws Exception {
    registeredTheUsualOperations();

    assertRefusedBeforeTheHandler(call("getCart", Caller.ANONYMOUS), ProblemType.UNAUTHENTICATED);
    assertRefusedBeforeTheHandler(call("rotateKeys", BUYER), ProblemType.FORBIDDEN);
  }

  @Test
  @DisplayName("an allowed call reaches its handler, and the handler's reply comes back as is")
  void allowedCallReachesTheHandler() throws Exception {
    registeredTheUsualOperations();

    ApiReply rotated = call("rotateKeys", ADMIN);
    ApiReply listed = call("listProducts", Caller.ANONYMOUS);

    assertThat(rotated.status()).isEqualTo(200);
    assertThat(rotated.body()).isEqualTo(new JsonObject().put("operation", "rotateKeys"));
    assertThat(listed.status()).isEqualTo(200);
    assertThat(handled).hasValue(2);
  }

  @Test
  @DisplayName("an operation the context does not know is answered 404, not left to time out")
  void unknownOperationIsNotFound() throws Exception {
    registeredTheUsualOperations();

    assertRefusedBeforeTheHandler(call("deleteEverything", ADMIN), ProblemType.NOT_FOUND);
  }

  @Test
  @DisplayName("a handler's ProblemException, thrown or failed, is answered as that problem")
  void handlerProblemsAreAnswered() throws Exception {
    registered(new ApiDispatcher("ctx")
      .on("throws", Permission.PUBLIC, request -> {
        throw new ProblemException(ProblemType.CONFLICT, "already there");
      })
      .on("fails", Permission.PUBLIC,
        request -> Future.failedFuture(new ProblemException(ProblemType.NOT_FOUND, "no such thing"))));

    assertProblem(call("throws", Caller.ANONYMOUS), ProblemType.CONFLICT);
    assertProblem(call("fails", Caller.ANONYMOUS), ProblemType.NOT_FOUND);
  }
}
