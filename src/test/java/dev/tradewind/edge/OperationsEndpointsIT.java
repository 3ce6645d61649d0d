package dev.tradewind.edge;

import dev.tradewind.infra.Http;
import dev.tradewind.infra.Http.Response;
import dev.tradewind.infra.TestPlatform;
import dev.tradewind.shared.auth.Permission;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Operators and integrators find health, metrics, the contract and its docs")
class OperationsEndpointsIT {
  private static Http http;

  @BeforeAll
  static void platform() {
    http = TestPlatform.get().http();
  }

  @Test
  @DisplayName("liveness is 200 and readiness names each dependency as UP")
  void health() {
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    Response ready = http.get("/health/ready");
    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    JsonObject checks = ready.json().getJsonObject("checks");
    assertThat(checks.getString("postgres")).isEqualTo("UP");
    assertThat(checks.getString("kafka")).isEqualTo("UP");
    assertThat(checks.getString("migrations")).isEqualTo("APPLIED");
  }

  @Test
  @DisplayName("the OpenAPI 3 contract is served as JSON and every operation names its owning context and permission")
  void contract() {
    Response r = http.get("/api/v1/openapi.json");
    assertThat(r.status()).isEqualTo(200);
    JsonObject doc = r.json();
    assertThat(doc.getString("openapi")).startsWith("3.");
    JsonObject paths = doc.getJsonObject("paths");
    assertThat(paths.fieldNames()).contains("/api/v1/auth/register");
    paths.forEach(path -> ((JsonObject) path.getValue()).forEach(op -> {
      if (op.getKey().equals("parameters")) {
        return;
      }
      JsonObject operation = (JsonObject) op.getValue();
      assertThat(operation.getString("operationId")).as(path.getKey()).isNotBlank();
      assertThat(operation.getJsonArray("tags")).as(path.getKey()).isNotEmpty();
      assertThat(Permission.fromKey(operation.getString("x-permission"))).as(path.getKey()).isNotNull();
    }));
  }

  @Test
  @DisplayName("the interactive docs page loads Swagger UI pointed at the contract")
  void docs() {
    Response page = http.get("/docs");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui-bundle.js").contains("/api/v1/openapi.json");
    assertThat(http.get("/docs/swagger-ui-bundle.js").status()).isEqualTo(200);
  }

  @Test
  @DisplayName("metrics expose HTTP server, pool, event-bus and outbox-lag series in Prometheus format")
  void metrics() {
    http.get("/health/live");
    Response r = http.get("/metrics");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body())
      .contains("vertx_http_server_requests_total")
      .contains("vertx_eventbus_handlers")
      .contains("tradewind_outbox_pending_events{context=\"identity\"}")
      .contains("tradewind_outbox_oldest_pending_seconds")
      .containsPattern("vertx_pool_\\w+\\{[^}]*pool_type=\"sql\"");
  }
}
