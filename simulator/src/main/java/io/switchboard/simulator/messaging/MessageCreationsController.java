package io.switchboard.simulator.messaging;

import io.switchboard.simulator.Creation;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Control API: when each message was created, oldest first, for rate and latency checks. */
@RestController
class MessageCreationsController {

  private final MessageStore store;

  MessageCreationsController(MessageStore store) {
    this.store = store;
  }

  @GetMapping("/simulator/api/messages/created")
  List<Creation> created(
      @RequestParam(required = false) String from, @RequestParam(required = false) Instant since) {
    return Creation.select(
        store.list().stream().map(m -> new Creation(m.sid, m.from, m.to, m.dateCreated)),
        from,
        since);
  }
}
