package dev.tradewind.edge;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.Map;

/**
 * The OpenAPI document as published (YAML in the source tree, served as JSON) and the contract the request
 * validator runs on. Vert.x cannot parse {@code application/problem+json} as a response media type; responses
 * are not validated at run time, so the validator's copy simply leaves those descriptions out.
 */
record ApiContract(JsonObject published, OpenAPIContract validator) {
  static final String RESOURCE = "openapi/tradewind.yaml";

  static Future<ApiContract> load(Vertx vertx) {
    return vertx.fileSystem().readFile(RESOURCE)
      .map(buffer -> parse(buffer.toString()))
      .compose(published -> OpenAPIContract.from(vertx, validationCopy(published))
        .map(contract -> new ApiContract(published, contract)));
  }

  @SuppressWarnings("unchecked")
  static JsonObject parse(String yaml) {
    Map<String, Object> tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
    return new JsonObject(tree);
  }

  private static JsonObject validationCopy(JsonObject published) {
    JsonObject copy = published.copy();
    JsonObject paths = copy.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject operation) {
          stripUnsupported(operation.getJsonObject("responses"));
        }
      }
    }
    stripUnsupported(copy.getJsonObject("components", new JsonObject()).getJsonObject("responses"));
    return copy;
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
