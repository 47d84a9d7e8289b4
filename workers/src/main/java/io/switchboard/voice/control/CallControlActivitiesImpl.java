package io.switchboard.voice.control;

import com.twilio.exception.TwilioException;
import com.twilio.http.HttpMethod;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.call.Recording;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Number;
import io.switchboard.twilio.TwilioFailures;
import io.switchboard.twilio.WebhookUrls;
import io.temporal.activity.Activity;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/** Live-call control through twilio-java: the call's update and its Recordings resource. */
@Component("callControlActivities")
public class CallControlActivitiesImpl implements CallControlActivities {

  private final TwilioRestClient client;
  private final WebhookUrls urls;

  public CallControlActivitiesImpl(TwilioRestClient client, WebhookUrls urls) {
    this.client = client;
    this.urls = urls;
  }

  @Override
  public CallCommandResult apply(CallCommand command) {
    try {
      return switch (command.action()) {
        case TRANSFER_NUMBER ->
            redirect(
                command,
                new VoiceResponse.Builder()
                    .dial(
                        new Dial.Builder()
                            .number(new Number.Builder(command.target()).build())
                            .build())
                    .build());
        case TRANSFER_QUEUE ->
            redirect(
                command,
                new VoiceResponse.Builder()
                    .enqueue(new Enqueue.Builder(command.target()).build())
                    .build());
        case TRANSFER_FLOW -> intoFlow(command);
        case HANG_UP ->
            call(
                Call.updater(command.callSid())
                    .setStatus(Call.UpdateStatus.COMPLETED)
                    .update(client));
        case RECORDING_START -> startRecording(command);
        case RECORDING_PAUSE -> recording(command, Recording.Status.PAUSED);
        case RECORDING_RESUME -> recording(command, Recording.Status.IN_PROGRESS);
        case RECORDING_STOP -> recording(command, Recording.Status.STOPPED);
      };
    } catch (TwilioException e) {
      throw TwilioFailures.of(e);
    }
  }

  /** Replaces what the call is doing with new TwiML; the old TwiML stops at once. */
  private CallCommandResult redirect(CallCommand command, VoiceResponse twiml) {
    return call(Call.updater(command.callSid()).setTwiml(twiml.toXml()).update(client));
  }

  /**
   * Points the call at our voice webhook with the flow and its version in the query (covered by
   * Twilio's signature): Twilio asks it for TwiML at once, and the call session runs the flow from
   * there. Redirecting again to the same URL is harmless, so a retry is too.
   */
  private CallCommandResult intoFlow(CallCommand command) {
    String query =
        "/webhooks/voice?transferFlow="
            + URLEncoder.encode(command.target(), StandardCharsets.UTF_8)
            + "&flowVersion="
            + command.flowVersion();
    return call(
        Call.updater(command.callSid())
            .setUrl(urls.required(query))
            .setMethod(HttpMethod.POST)
            .update(client));
  }

  /**
   * Starts a recording once: a retry (the first answer lost) adopts a recording the call already
   * has in progress instead of starting a second one.
   */
  private CallCommandResult startRecording(CallCommand command) {
    if (Activity.getExecutionContext().getInfo().getAttempt() > 1) {
      for (Recording existing : Recording.reader(command.callSid()).limit(20).read(client)) {
        if (existing.getStatus() == Recording.Status.IN_PROGRESS
            || existing.getStatus() == Recording.Status.PAUSED) {
          return recordingResult(command, existing);
        }
      }
    }
    return recordingResult(command, Recording.creator(command.callSid()).create(client));
  }

  /** Pausing skips the paused audio: card digits are never in the recording (PCI scope). */
  private CallCommandResult recording(CallCommand command, Recording.Status status) {
    Recording updated =
        status == Recording.Status.PAUSED
            ? Recording.updater(command.callSid(), command.target(), status)
                .setPauseBehavior("skip")
                .update(client)
            : Recording.updater(command.callSid(), command.target(), status).update(client);
    return recordingResult(command, updated);
  }

  private static CallCommandResult call(Call call) {
    return new CallCommandResult(
        call.getSid(),
        call.getStatus() == null ? null : call.getStatus().toString(),
        null,
        null,
        null,
        null);
  }

  private static CallCommandResult recordingResult(CallCommand command, Recording recording) {
    return new CallCommandResult(
        command.callSid(),
        null,
        recording.getSid(),
        recording.getStatus() == null ? null : recording.getStatus().toString(),
        null,
        null);
  }
}
