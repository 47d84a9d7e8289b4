package io.switchboard.simulator.debugger;

import io.switchboard.simulator.inbound.InboundCallRequest;
import io.switchboard.simulator.inbound.InboundCalls;
import io.switchboard.simulator.inbound.InboundProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The debugger's API under {@code /simulator/api/debugger}: start a call ({@code POST /calls}, body
 * as for an inbound call, answers {@code {"id": …}}), send keypad or speech input ({@code POST
 * /calls/{id}/input} with {@code {"input":"1"}} or {@code {"input":"speech:…"}}), hang up ({@code
 * POST /calls/{id}/hangup}) and poll the conversation ({@code GET /calls/{id}?since=n}).
 */
@RestController
class DebuggerController {

  /** The debugger keeps the most recent calls only; it is a tool for a person, not a store. */
  private static final int KEEP = 50;

  private final InboundCalls calls;
  private final InboundProperties properties;
  private final Map<String, LiveCall> live =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, LiveCall> eldest) {
              return size() > KEEP;
            }
          });

  DebuggerController(InboundCalls calls, InboundProperties properties) {
    this.calls = calls;
    this.properties = properties;
  }

  @PostMapping("/simulator/api/debugger/calls")
  Map<String, String> start(@RequestBody InboundCallRequest request) {
    LiveCall call = new LiveCall(new InteractiveCaller(properties.debuggerInputWait()));
    String id = UUID.randomUUID().toString();
    call.started(calls.place(request, call.caller(), call::record));
    live.put(id, call);
    return Map.of("id", id);
  }

  @GetMapping("/simulator/api/debugger/calls/{id}")
  LiveCall.View poll(@PathVariable String id, @RequestParam(defaultValue = "0") int since) {
    return find(id).view(since);
  }

  @PostMapping("/simulator/api/debugger/calls/{id}/input")
  ResponseEntity<Void> input(@PathVariable String id, @RequestBody Map<String, String> body) {
    find(id).caller().press(body.getOrDefault("input", ""));
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/simulator/api/debugger/calls/{id}/hangup")
  ResponseEntity<Void> hangup(@PathVariable String id) {
    find(id).caller().hangUp();
    return ResponseEntity.accepted().build();
  }

  @GetMapping("/simulator/api/debugger/numbers")
  Object numbers() {
    return properties.numbers().keySet();
  }

  private LiveCall find(String id) {
    LiveCall call = live.get(id);
    if (call == null) {
      throw new UnknownCall(id);
    }
    return call;
  }

  @ExceptionHandler(UnknownCall.class)
  ResponseEntity<Map<String, String>> unknown(UnknownCall e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("message", e.getMessage()));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }

  private static final class UnknownCall extends RuntimeException {
    UnknownCall(String id) {
      super("no debugger call " + id);
    }
  }
}
