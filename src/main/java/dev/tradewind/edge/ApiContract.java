package dev.tradewind.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document as published (YAML in the source tree, served as JSON) and the contract the request
 * validator runs on. Vert.x cannot parse {@code application/problem+json} as a response media type; responses
 * are not validated at run time, so the validator's copy simply leaves those descriptions out. Nor can it parse
 * request bodies such as {@code text/csv}: the validator's copy declares them as one opaque
 * {@code application/octet-stream} body, {@code rawMediaTypes} remembers which operation takes which, and
 * {@code requestMediaTypes} is what each operation really accepts (as published).
 */
record ApiContract(JsonObject published, OpenAPIContract validator, Map<String, Set<String>> requestMediaTypes,
                   Map<String, Set<String>> rawMediaTypes) {
  static final String RESOURCE = "openapi/tradewind.yaml";
  private static final JsonObject OPAQUE = new JsonObject()
    .put("schema", new JsonObject().put("type", "string").put("format", "binary"));

  /** Parsing the YAML takes a CPU for a while: a worker thread does it, not the event loop. */
  static Future<ApiContract> load(Vertx vertx) {
    Map<String, Set<String>> accepted = new HashMap<>();
    Map<String, Set<String>> raw = new HashMap<>();
    return vertx.executeBlocking(() -> parse(vertx.fileSystem().readFileBlocking(RESOURCE).toString()))
      .compose(published -> {
        JsonObject copy = validationCopy(published, accepted, raw);
        return OpenAPIContract.from(vertx, copy).map(contract -> new ApiContract(published, contract, accepted, raw));
      });
  }

  @SuppressWarnings("unchecked")
  static JsonObject parse(String yaml) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return new JsonObject(tree);
  }

  private static JsonObject validationCopy(JsonObject published, Map<String, Set<String>> accepted,
                                           Map<String, Set<String>> raw) {
    JsonObject copy = published.copy();
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation) {
          stripUnsupported(operation.getJsonObject("responses"));
          opaqueBodies(operation, accepted, raw);
        }
      }
    }
    stripUnsupported(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses"));
    return copy;
  }

  private static void opaqueBodies(JsonObject operation, Map<String, Set<String>> accepted,
                                   Map<String, Set<String>> raw) {
    JsonObject body = operation.getJsonObject("requestBody");
    JsonObject content = body == null ? null : body.getJsonObject("content");
    String id = operation.getString("operationId");
    if (content == null || id == null) {
      return;
    }
    accepted.put(id, Set.copyOf(content.fieldNames()));
    Set<String> unsupported = new LinkedHashSet<>(content.fieldNames());
    unsupported.removeIf(MediaType::isMediaTypeSupported);
    if (unsupported.isEmpty()) {
      return;
    }
    if (content.containsKey(MediaType.APPLICATION_OCTET_STREAM)) {
      throw new IllegalStateException("operation " + id + " declares " + unsupported
        + " and application/octet-stream; the validator could not tell them apart");
    }
    unsupported.forEach(content::remove);
    content.put(MediaType.APPLICATION_OCTET_STREAM, OPAQUE.copy());
    raw.put(id, Set.copyOf(unsupported));
  }

  private static void stripUnsupported(JsonObject responses) {
    if (responses == null) {
      return;
    }
    for (String code : responses.fieldNames()) {
      JsonObject content = responses.getJsonObject(code).getJsonObject("content");
      if (content != null) {
        content.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
        if (content.isEmpty()) {
          responses.getJsonObject(code).remove("content");
        }
      }
    }
  }
}
