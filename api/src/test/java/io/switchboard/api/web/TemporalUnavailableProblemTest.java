package io.switchboard.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.messaging.BulkSendWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.RpcRetryOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * What the REST API answers when Temporal is not there: the exception a real client throws for a
 * query to an address where nothing listens, through the real handler.
 */
class TemporalUnavailableProblemTest {

  private final ProblemExceptionHandler handler =
      new ProblemExceptionHandler(new SimpleMeterRegistry());

  @Test
  void aQueryTemporalDoesNotAnswerIsA503ProblemWithRetryAfter() throws Exception {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + freePort())
                .setRpcRetryOptions(
                    RpcRetryOptions.newBuilder().setExpiration(Duration.ofSeconds(1)).build())
                .build());
    try {
      RuntimeException failure =
          catchRuntimeException(
              () ->
                  WorkflowClient.newInstance(stubs)
                      .newWorkflowStub(BulkSendWorkflow.class, "bulk:nobody-home")
                      .getProgress());

      ResponseEntity<ProblemDetail> answer = handler.temporalFailure(failure);

      assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
      assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
      assertThat(answer.getBody().getType().toString()).endsWith("workflow-unavailable");
      assertThat(answer.getBody().getDetail()).doesNotContain("127.0.0.1");
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void aTemporalErrorThatIsNotUnavailabilityStaysA500() {
    ResponseEntity<ProblemDetail> answer =
        handler.temporalFailure(
            new io.grpc.StatusRuntimeException(io.grpc.Status.INVALID_ARGUMENT));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    assertThat(answer.getBody().getDetail()).doesNotContain("INVALID_ARGUMENT");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
