package io.switchboard.simulator.handsets;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Control API: what a simulated handset received, oldest first. */
@RestController
class HandsetController {

  private final HandsetInbox inbox;

  HandsetController(HandsetInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/simulator/api/handsets/{number}/messages")
  List<HandsetMessage> messages(@PathVariable String number) {
    return inbox.messages(number);
  }
}
