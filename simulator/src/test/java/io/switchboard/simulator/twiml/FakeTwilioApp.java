package io.switchboard.simulator.twiml;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.twilio.security.RequestValidator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The application side of a test: a JDK HTTP server on a random port that answers TwiML per path
 * and checks every request's X-Twilio-Signature with twilio-java's {@link RequestValidator}, as the
 * real api will.
 */
public final class FakeTwilioApp implements AutoCloseable {

  /** What the app received. */
  public record Received(
      String method, String path, Map<String, String> params, boolean signatureValid) {}

  /** What the app answers. */
  public record Answer(int status, String contentType, String body) {
    public static Answer twiml(String body) {
      return new Answer(200, "text/xml", body);
    }
  }

  static {
    // Without TCP_NODELAY the JDK server and client wait on delayed ACKs: ~40 ms per request.
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final HttpServer server;
  private final RequestValidator validator;
  private final Map<String, Function<Map<String, String>, Answer>> routes =
      new ConcurrentHashMap<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  public FakeTwilioApp(String authToken) throws IOException {
    validator = new RequestValidator(authToken);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Answers TwiML at this path; {@code <Response>} is added around the verbs. */
  public FakeTwilioApp twiml(String path, String verbs) {
    return route(path, params -> Answer.twiml(response(verbs)));
  }

  public FakeTwilioApp route(String path, Function<Map<String, String>, Answer> handler) {
    routes.put(path, handler);
    return this;
  }

  public static String response(String verbs) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>" + verbs + "</Response>";
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  public Received last(String path) {
    return received.stream()
        .filter(r -> r.path().equals(path))
        .reduce((first, second) -> second)
        .orElseThrow(() -> new AssertionError("no request to " + path));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getRawQuery();
    String fullUrl = url(path) + (query == null ? "" : "?" + query);
    String signature = exchange.getRequestHeaders().getFirst("X-Twilio-Signature");
    Map<String, String> params = new LinkedHashMap<>();
    boolean valid;
    if (method.equals("POST")) {
      params.putAll(
          decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      valid = signature != null && validator.validate(fullUrl, params, signature);
    } else {
      valid = signature != null && validator.validate(fullUrl, Map.of(), signature);
    }
    if (query != null) {
      decode(query).forEach(params::putIfAbsent);
    }
    received.add(new Received(method, path, params, valid));
    Function<Map<String, String>, Answer> handler = routes.get(path);
    Answer answer =
        !valid
            ? new Answer(403, "text/plain", "bad signature")
            : handler == null ? new Answer(404, "text/plain", "no route") : handler.apply(params);
    byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static Map<String, String> decode(String form) {
    Map<String, String> params = new LinkedHashMap<>();
    if (form == null || form.isEmpty()) {
      return params;
    }
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
