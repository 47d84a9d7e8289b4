package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load generator's client against a real HTTP server on a real port. */
class TransportTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private HttpServer server;
  private Transport transport;
  private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(Executors.newFixedThreadPool(32));
    server.createContext(
        "/echo",
        exchange -> {
          clientPorts.add(exchange.getRemoteAddress().getPort());
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String answer =
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " "
                  + exchange.getRequestHeaders().getFirst("X-Twilio-Signature")
                  + " "
                  + body;
          respond(exchange, 201, answer);
        });
    server.start();
    transport = new Transport(URI.create("http://localhost:" + server.getAddress().getPort()));
  }

  @AfterEach
  void stop() {
    transport.close();
    server.stop(0);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  @Test
  void sendsMethodPathHeadersAndBodyAndReadsStatusAndBody() throws Exception {
    Call call =
        Call.post("/echo?x=1", Map.of("X-Twilio-Signature", "abc="), "CallSid=CA1&Digits=1");

    Reply reply = transport.send(call, TIMEOUT).get(10, TimeUnit.SECONDS);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body()).isEqualTo("POST /echo?x=1 abc= CallSid=CA1&Digits=1");
  }

  @Test
  void requestsOneAfterAnotherReuseOneConnection() throws Exception {
    for (int i = 0; i < 20; i++) {
      assertThat(transport.send(Call.get("/echo"), TIMEOUT).get(10, TimeUnit.SECONDS).status())
          .isEqualTo(201);
    }

    assertThat(clientPorts).hasSize(1);
  }

  @Test
  void requestsWhileAllConnectionsAreBusyOpenNewOnesInsteadOfQueueing() throws Exception {
    // The server answers none until all have arrived: a client that queued behind a busy
    // connection would never get there, and an open loop would measure the client.
    int concurrent = 10;
    CountDownLatch arrived = new CountDownLatch(concurrent);
    server.createContext(
        "/together",
        exchange -> {
          arrived.countDown();
          try {
            boolean all = arrived.await(5, TimeUnit.SECONDS);
            respond(exchange, all ? 200 : 504, "");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    List<CompletableFuture<Reply>> replies = new ArrayList<>();
    for (int i = 0; i < concurrent; i++) {
      replies.add(transport.send(Call.get("/together"), TIMEOUT));
    }

    for (CompletableFuture<Reply> reply : replies) {
      assertThat(reply.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
    }
  }

  @Test
  void aServerThatNeverAnswersFailsTheRequestAtItsTimeout() {
    server.createContext("/silent", exchange -> {});

    CompletableFuture<Reply> reply = transport.send(Call.get("/silent"), Duration.ofMillis(300));

    assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void aConnectionClosedWithoutAnAnswerFailsTheRequestAndTheNextOneStillGoesThrough()
      throws Exception {
    server.createContext("/hang-up", HttpExchange::close);

    CompletableFuture<Reply> reply = transport.send(Call.get("/hang-up"), TIMEOUT);

    assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IOException.class);
    assertThat(transport.send(Call.get("/echo"), TIMEOUT).get(10, TimeUnit.SECONDS).status())
        .isEqualTo(201);
  }
}
