package io.switchboard.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One request as the bench sends it: a method, a path (with any query) on the target, headers, and
 * a body (empty for a GET).
 */
record Call(String method, String path, Map<String, String> headers, byte[] body) {

  static Call get(String path) {
    return new Call("GET", path, Map.of(), new byte[0]);
  }

  static Call post(String path, Map<String, String> headers, String body) {
    return new Call("POST", path, Map.copyOf(headers), body.getBytes(StandardCharsets.UTF_8));
  }
}
