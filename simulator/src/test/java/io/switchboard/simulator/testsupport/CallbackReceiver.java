package io.switchboard.simulator.testsupport;

import com.twilio.security.RequestValidator;
import io.switchboard.simulator.SimulatorProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application's side of callbacks, for tests: records each one and whether twilio-java's {@link
 * RequestValidator} accepts its X-Twilio-Signature over the exact URL it was sent to.
 */
@RestController
public class CallbackReceiver {

  /** One callback as the application saw it. */
  public record Received(
      String name,
      String method,
      Map<String, String> parameters,
      boolean signatureValid,
      String idempotencyToken) {

    public String get(String parameter) {
      return parameters.get(parameter);
    }
  }

  private final RequestValidator validator;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public CallbackReceiver(SimulatorProperties account) {
    this.validator = new RequestValidator(account.authToken());
  }

  @RequestMapping("/test-callbacks/{name}")
  ResponseEntity<String> receive(@PathVariable String name, HttpServletRequest request) {
    String query = request.getQueryString();
    String url = request.getRequestURL() + (query == null ? "" : "?" + query);
    Set<String> queryNames = queryNames(query);
    Map<String, String> all = new LinkedHashMap<>();
    Map<String, String> signed = new LinkedHashMap<>();
    request
        .getParameterMap()
        .forEach(
            (key, values) -> {
              all.put(key, values[0]);
              if (!queryNames.contains(key)) {
                signed.put(key, values[0]);
              }
            });
    String signature = request.getHeader("X-Twilio-Signature");
    boolean valid = signature != null && validator.validate(url, signed, signature);
    received.add(
        new Received(
            name,
            request.getMethod(),
            all,
            valid,
            request.getHeader("I-Twilio-Idempotency-Token")));
    return ResponseEntity.ok()
        .contentType(org.springframework.http.MediaType.TEXT_XML)
        .body("<Response/>");
  }

  private static Set<String> queryNames(String query) {
    Set<String> names = new HashSet<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        names.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
      }
    }
    return names;
  }

  public List<Received> named(String name) {
    return received.stream().filter(r -> r.name().equals(name)).toList();
  }

  /** Waits until the named callbacks satisfy the condition, and returns them. */
  public List<Received> await(String name, Predicate<List<Received>> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<Received> now = named(name);
      if (condition.test(now)) {
        return now;
      }
      sleep(10);
    }
    throw new AssertionError(
        "callbacks '" + name + "' never reached the expected state: " + named(name));
  }

  /** Waits for exactly {@code count} callbacks, and a little longer to catch any extra one. */
  public List<Received> awaitCount(String name, int count) {
    await(name, list -> list.size() >= count);
    sleep(150);
    return named(name);
  }

  public void clear() {
    received.clear();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
