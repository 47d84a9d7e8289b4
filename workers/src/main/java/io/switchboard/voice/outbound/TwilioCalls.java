package io.switchboard.voice.outbound;

import com.twilio.base.ResourceSet;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import io.switchboard.twilio.TwilioFailures;
import io.switchboard.voice.outbound.OutboundCallActivities.PlacedCall;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/** The Calls resource through twilio-java; every failure leaves as a typed failure. */
@Component
class TwilioCalls {

  /** Twilio's date_created has second precision; our clock and Twilio's may differ a little. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

  /** Reconciliation reads the newest calls between the two numbers, no more. */
  private static final int RECENT = 50;

  private final TwilioRestClient client;

  TwilioCalls(TwilioRestClient client) {
    this.client = client;
  }

  /**
   * Creates the call. Its answer webhook is our voice webhook, which hands a human to the flow (or
   * the TwiML) and an answering machine to the voicemail drop; with machine detection, Twilio calls
   * it only after the greeting's beep, so the message lands on the recording.
   */
  PlacedCall create(OutboundCallRequest request, URI answerUrl, URI statusCallback) {
    CallCreator creator =
        Call.creator(new PhoneNumber(request.to()), new PhoneNumber(request.from()), answerUrl)
            .setTimeout(request.ringTimeoutSeconds());
    if (statusCallback != null) {
      creator
          .setStatusCallback(statusCallback)
          .setStatusCallbackEvent(List.of("initiated", "ringing", "answered", "completed"));
    }
    if (request.onMachine() != null) {
      creator.setMachineDetection("DetectMessageEnd");
    }
    try {
      return placed(creator.create(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  /**
   * The call an earlier attempt created, if Twilio has one: same numbers, created since the attempt
   * was first scheduled, and not claimed by another of our calls. Twilio keeps no client reference
   * on a call, so this is the idempotency data there is (as for messages, ADR 0002).
   */
  Optional<PlacedCall> findCreated(
      OutboundCallRequest request, Instant since, Predicate<String> claimedElsewhere) {
    Instant after = since.minus(CLOCK_SKEW);
    try {
      ResourceSet<Call> recent =
          Call.reader()
              .setTo(new PhoneNumber(request.to()))
              .setFrom(new PhoneNumber(request.from()))
              .limit(RECENT)
              .read(client);
      for (Call call : recent) {
        boolean older =
            call.getDateCreated() != null && call.getDateCreated().toInstant().isBefore(after);
        if (!older && !claimedElsewhere.test(call.getSid())) {
          return Optional.of(placed(call));
        }
      }
      return Optional.empty();
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  PlacedCall fetch(String callSid) {
    try {
      return placed(Call.fetcher(callSid).fetch(client));
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  private static PlacedCall placed(Call call) {
    return new PlacedCall(
        call.getSid(),
        call.getStatus() == null ? "queued" : call.getStatus().toString(),
        call.getAnsweredBy());
  }
}
