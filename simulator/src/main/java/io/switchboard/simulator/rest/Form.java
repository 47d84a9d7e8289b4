package io.switchboard.simulator.rest;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one request to a Twilio operation. Reading a parameter the operation does not
 * declare is a programming error, so that {@link TwilioOperation} stays the complete list of what
 * the simulator accepts.
 */
public final class Form {

  private final TwilioOperation operation;
  private final Map<String, String[]> parameters;

  private Form(TwilioOperation operation, Map<String, String[]> parameters) {
    this.operation = operation;
    this.parameters = parameters;
  }

  public static Form of(TwilioOperation operation, HttpServletRequest request) {
    return new Form(operation, request.getParameterMap());
  }

  /** The first value, or null when absent or empty. */
  public String get(String name) {
    List<String> values = all(name);
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  public String get(String name, String fallback) {
    String value = get(name);
    return value == null ? fallback : value;
  }

  public List<String> all(String name) {
    if (!operation.parameters().contains(name)) {
      throw new IllegalArgumentException(operation + " does not declare parameter " + name);
    }
    String[] values = parameters.get(name);
    return values == null ? List.of() : Arrays.asList(values);
  }

  public String required(String name, int code, String message) {
    String value = get(name);
    if (value == null) {
      throw TwilioApiException.badRequest(code, message);
    }
    return value;
  }

  public int integer(String name, int fallback) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw TwilioApiException.badRequest(20001, "Invalid value for " + name + ": " + value);
    }
  }

  public boolean bool(String name) {
    return Boolean.parseBoolean(get(name));
  }
}
