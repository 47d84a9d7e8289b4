package io.switchboard.simulator.inbound;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /simulator/api/messages/inbound}: a handset texts one of our numbers (SMS, MMS with
 * {@code mediaUrls}, WhatsApp with {@code whatsapp:} addresses); the answer holds the replies the
 * application's TwiML gave.
 */
@RestController
class InboundMessageController {

  private final InboundMessages messages;

  InboundMessageController(InboundMessages messages) {
    this.messages = messages;
  }

  @PostMapping("/simulator/api/messages/inbound")
  InboundMessageResult send(@RequestBody InboundMessageRequest message) {
    return messages.send(message);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("message", e.getMessage()));
  }
}
