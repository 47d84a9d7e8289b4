package io.switchboard.simulator.inbound;

import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.TranscriptEntry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /simulator/api/calls/inbound}: places a call to one of our numbers with a scripted
 * caller and answers with the whole transcript once the call ends. A call still running at the
 * timeout is abandoned (its thread is interrupted) and the answer is 504 with what happened so far.
 */
@RestController
class InboundCallController {

  private final InboundCalls calls;
  private final InboundProperties properties;

  InboundCallController(InboundCalls calls, InboundProperties properties) {
    this.calls = calls;
    this.properties = properties;
  }

  @PostMapping("/simulator/api/calls/inbound")
  ResponseEntity<CallTranscript> place(@RequestBody InboundCallRequest request)
      throws InterruptedException {
    List<TranscriptEntry> soFar = new CopyOnWriteArrayList<>();
    Future<CallTranscript> call = calls.place(request, soFar::add);
    Duration timeout =
        request.timeoutSeconds() > 0
            ? Duration.ofSeconds(request.timeoutSeconds())
            : properties.callTimeout();
    try {
      return ResponseEntity.ok(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException e) {
      call.cancel(true);
      return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT)
          .body(new CallTranscript(null, List.copyOf(soFar), "in-progress", 0, null));
    } catch (ExecutionException e) {
      throw new IllegalStateException("the simulated call failed", e.getCause());
    }
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<java.util.Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(java.util.Map.of("message", e.getMessage()));
  }
}
