package dev.tradewind.infra;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A plain HTTP client for integration tests: real requests over the loopback, answers as JSON. */
public final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
    .version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  public Http(String base) {
    this.base = base;
  }

  /** A response with its body parsed when it is JSON. */
  public record Response(int status, java.net.http.HttpHeaders headers, String body) {
    public JsonObject json() {
      return new JsonObject(body);
    }

    public JsonArray jsonArray() {
      return new JsonArray(body);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public String contentType() {
      return header("content-type");
    }
  }

  public Response get(String path, String... headers) {
    return send(builder(path, headers).GET().build());
  }

  public Response postJson(String path, Object json, String... headers) {
    return post(path, "application/json", json.toString(), headers);
  }

  public Response post(String path, String contentType, String body, String... headers) {
    return send(postRequest(path, contentType, body, headers));
  }

  public CompletableFuture<Response> postJsonAsync(String path, Object json, String... headers) {
    return CLIENT.sendAsync(postRequest(path, "application/json", json.toString(), headers), HttpResponse.BodyHandlers.ofString())
      .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
  }

  public Response send(String method, String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = builder(path, headers);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return send(b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());
  }

  private HttpRequest postRequest(String path, String contentType, String body, String... headers) {
    HttpRequest.Builder b = builder(path, headers);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private HttpRequest.Builder builder(String path, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return b;
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (Exception e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    }
  }
}
