package io.switchboard.api.voice;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.voice.CallEventRepository;
import io.switchboard.voice.CallRepository;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Calls as recorded in PostgreSQL. */
@RestController
@RequestMapping(path = "/api/calls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calls")
public class CallController {

  private final CallRepository calls;
  private final CallEventRepository events;

  public CallController(CallRepository calls, CallEventRepository events) {
    this.calls = calls;
    this.events = events;
  }

  @GetMapping("/{callSid}")
  @Operation(
      operationId = "getCall",
      summary = "A call and every status it went through (scope calls:read)")
  CallView get(@PathVariable String callSid) {
    return calls
        .findById(callSid)
        .map(call -> CallView.of(call, events.findByCallSidOrderByOccurredAtAscIdAsc(callSid)))
        .orElseThrow(() -> new NotFoundException("No call " + callSid + " is recorded."));
  }
}
