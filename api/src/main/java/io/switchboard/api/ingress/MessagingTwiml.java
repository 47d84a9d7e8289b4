package io.switchboard.api.ingress;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Body;
import com.twilio.twiml.messaging.Message;
import org.springframework.stereotype.Component;

/** Renders a reply to an inbound message with twilio-java's messaging TwiML builders. */
@Component
public class MessagingTwiml {

  public String message(String text) {
    return new MessagingResponse.Builder()
        .message(new Message.Builder().body(new Body.Builder(text).build()).build())
        .build()
        .toXml();
  }
}
