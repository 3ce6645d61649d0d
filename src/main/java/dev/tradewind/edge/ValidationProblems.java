package dev.tradewind.edge;

import dev.tradewind.shared.api.Problem;
import dev.tradewind.shared.api.Problem.FieldError;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the OpenAPI validator's findings into field errors a client can act on. */
final class ValidationProblems {
  private static final Pattern PARAMETER = Pattern.compile("(path|query|header|cookie) parameter (\\S+?)[:.,]? ");
  private static final Pattern REQUIRED = Pattern.compile("required property ['\"]?([^'\"\\s]+)['\"]?", Pattern.CASE_INSENSITIVE);

  private ValidationProblems() {
  }

  static Problem fromSchema(SchemaValidationException e) {
    String parameter = parameterName(e.getMessage());
    List<FieldError> errors = new ArrayList<>();
    collect(e.getOutputUnit(), parameter, errors);
    if (errors.isEmpty()) {
      errors.add(new FieldError(parameter == null ? "body" : parameter, "schema", e.getMessage()));
    }
    return Problem.invalid(parameter == null
      ? "The request body does not match the schema."
      : "The " + parameter + " parameter is not valid.", dedupe(errors));
  }

  static Problem fromValidator(ValidatorException e) {
    String parameter = parameterName(e.getMessage());
    String rule = switch (e.type()) {
      case MISSING_REQUIRED_PARAMETER -> "required";
      case INVALID_VALUE_FORMAT, UNSUPPORTED_VALUE_FORMAT -> "format";
      default -> "valid";
    };
    return Problem.invalid(e.getMessage(),
      List.of(new FieldError(parameter == null ? "request" : parameter, rule, e.getMessage())));
  }

  private static void collect(OutputUnit unit, String parameter, List<FieldError> out) {
    if (unit == null) {
      return;
    }
    List<OutputUnit> children = unit.getErrors();
    if (children != null && !children.isEmpty()) {
      children.forEach(child -> collect(child, parameter, out));
      return;
    }
    if (unit.getError() == null) {
      return;
    }
    String keyword = lastSegment(unit.getKeywordLocation());
    String field = fieldOf(unit, parameter, keyword);
    out.add(new FieldError(field, keyword, unit.getError()));
  }

  private static String fieldOf(OutputUnit unit, String parameter, String keyword) {
    String pointer = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation().replaceFirst("^#", "");
    String path = pointer.replaceFirst("^/", "").replace('/', '.');
    if ("required".equals(keyword)) {
      Matcher m = REQUIRED.matcher(unit.getError());
      if (m.find()) {
        path = path.isEmpty() ? m.group(1) : path + "." + m.group(1);
      }
    }
    if (parameter != null) {
      return path.isEmpty() ? parameter : parameter + "." + path;
    }
    return path.isEmpty() ? "body" : path;
  }

  private static String lastSegment(String location) {
    if (location == null || location.isEmpty()) {
      return "schema";
    }
    String[] parts = location.split("/");
    return parts[parts.length - 1];
  }

  private static String parameterName(String message) {
    if (message == null) {
      return null;
    }
    Matcher m = PARAMETER.matcher(message + " ");
    return m.find() ? m.group(2) : null;
  }

  private static List<FieldError> dedupe(List<FieldError> errors) {
    Map<String, FieldError> unique = new LinkedHashMap<>();
    errors.forEach(e -> unique.putIfAbsent(e.field() + "|" + e.rule(), e));
    return List.copyOf(unique.values());
  }
}
