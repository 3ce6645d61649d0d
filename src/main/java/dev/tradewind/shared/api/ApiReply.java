package dev.tradewind.shared.api;

import java.util.Map;

/** What the owning context answers to an {@link ApiRequest}: a status, extra headers and a JSON-able body. */
public record ApiReply(int status, Map<String, String> headers, Object body) {
  public ApiReply {
    headers = Map.copyOf(headers);
  }

  public static ApiReply ok(Object body) {
    return new ApiReply(200, Map.of(), body);
  }

  public static ApiReply created(String location, Object body) {
    return new ApiReply(201, Map.of("Location", location), body);
  }

  public static ApiReply noContent() {
    return new ApiReply(204, Map.of(), null);
  }

  public static ApiReply problem(Problem problem) {
    return new ApiReply(problem.status(), Map.of(), problem);
  }

  public ApiReply withHeader(String name, String value) {
    var copy = new java.util.HashMap<>(headers);
    copy.put(name, value);
    return new ApiReply(status, copy, body);
  }
}
