package io.switchboard.bench;

import io.switchboard.simulator.Creation;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads from the simulator when it created messages and calls, to the microsecond. */
final class SimulatorClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http;
  private final String base;

  SimulatorClient(HttpClient http, String base) {
    this.http = http;
    this.base = base;
  }

  List<Creation> messages(String from, Instant since) throws IOException, InterruptedException {
    return created("messages", from, since);
  }

  List<Creation> calls(String from, Instant since) throws IOException, InterruptedException {
    return created("calls", from, since);
  }

  private List<Creation> created(String resource, String from, Instant since)
      throws IOException, InterruptedException {
    String query =
        "since=" + encode(since.toString()) + (from == null ? "" : "&from=" + encode(from));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(base + "/simulator/api/" + resource + "/created?" + query))
            .timeout(java.time.Duration.ofSeconds(60))
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("simulator answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readValue(response.body(), new TypeReference<List<Creation>>() {});
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
