package io.switchboard.bench;

import io.switchboard.simulator.Creation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads from the simulator when it created messages and calls, to the microsecond. */
final class SimulatorClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Transport http;

  SimulatorClient(Transport http) {
    this.http = http;
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
    Call request = Call.get("/simulator/api/" + resource + "/created?" + query);
    Reply response;
    try {
      response = http.send(request, Duration.ofSeconds(60)).get();
    } catch (ExecutionException e) {
      throw new IOException("reading creations from the simulator failed", e.getCause());
    }
    if (response.status() != 200) {
      throw new IOException("simulator answered " + response.status() + ": " + response.body());
    }
    return JSON.readValue(response.body(), new TypeReference<List<Creation>>() {});
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
