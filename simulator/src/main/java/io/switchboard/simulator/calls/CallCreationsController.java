package io.switchboard.simulator.calls;

import io.switchboard.simulator.Creation;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Control API: when each call was created, oldest first, for calls-per-second checks. */
@RestController
class CallCreationsController {

  private final CallStore store;

  CallCreationsController(CallStore store) {
    this.store = store;
  }

  @GetMapping("/simulator/api/calls/created")
  List<Creation> created(
      @RequestParam(required = false) String from, @RequestParam(required = false) Instant since) {
    return Creation.select(
        store.list().stream().map(c -> new Creation(c.sid, c.from, c.to, c.dateCreated)),
        from,
        since);
  }
}
