package io.switchboard.api.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Conference;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Enqueue;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Leave;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Play;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Redirect;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Sip;
import io.switchboard.voice.VoiceInstruction;
import java.util.Arrays;
import org.springframework.stereotype.Component;

/** Renders a workflow's instruction as TwiML with twilio-java's builders. */
@Component
public class TwimlRenderer {

  public String render(VoiceInstruction instruction) {
    VoiceResponse.Builder response = new VoiceResponse.Builder();
    for (VoiceInstruction.Verb verb : instruction.verbs()) {
      // Java 17 has no pattern switch; the sealed Verb type keeps this chain complete.
      if (verb instanceof VoiceInstruction.Say say) {
        response.say(say(say));
      } else if (verb instanceof VoiceInstruction.Play play) {
        response.play(new Play.Builder(play.url()).build());
      } else if (verb instanceof VoiceInstruction.Pause pause) {
        response.pause(new Pause.Builder().length(pause.seconds()).build());
      } else if (verb instanceof VoiceInstruction.Gather gather) {
        response.gather(gather(gather));
      } else if (verb instanceof VoiceInstruction.Record record) {
        Record.Builder builder = new Record.Builder().action(record.action());
        if (record.maxLengthSeconds() != null) {
          builder.maxLength(record.maxLengthSeconds());
        }
        if (record.recordingStatusCallback() != null) {
          builder.recordingStatusCallback(record.recordingStatusCallback());
        }
        response.record(builder.build());
      } else if (verb instanceof VoiceInstruction.Dial dial) {
        response.dial(dial(dial));
      } else if (verb instanceof VoiceInstruction.Conference conference) {
        response.dial(
            new Dial.Builder()
                .action(conference.action())
                .conference(new Conference.Builder(conference.room()).build())
                .build());
      } else if (verb instanceof VoiceInstruction.Enqueue enqueue) {
        response.enqueue(
            new Enqueue.Builder(enqueue.queue())
                .action(enqueue.action())
                .waitUrl(enqueue.waitUrl())
                .build());
      } else if (verb instanceof VoiceInstruction.Leave) {
        response.leave(new Leave.Builder().build());
      } else if (verb instanceof VoiceInstruction.Redirect redirect) {
        response.redirect(new Redirect.Builder(redirect.url()).build());
      } else if (verb instanceof VoiceInstruction.Hangup) {
        response.hangup(new Hangup.Builder().build());
      } else {
        throw new IllegalArgumentException("no TwiML for " + verb.getClass().getSimpleName());
      }
    }
    return response.build().toXml();
  }

  /** A number, or a SIP endpoint or Voice SDK client named by its {@code sip:}/{@code client:}. */
  private static Dial dial(VoiceInstruction.Dial dial) {
    String target = dial.number();
    Dial.Builder builder;
    if (target.startsWith("sip:")) {
      builder = new Dial.Builder().sip(new Sip.Builder(target).build());
    } else if (target.startsWith("client:")) {
      builder =
          new Dial.Builder()
              .client(new Client.Builder(target.substring("client:".length())).build());
    } else {
      builder = new Dial.Builder(target);
    }
    if (dial.action() != null) {
      // Without an action Twilio goes on with the document's next verb after the call.
      builder.action(dial.action());
    }
    if (dial.timeoutSeconds() != null) {
      builder.timeout(dial.timeoutSeconds());
    }
    return builder.build();
  }

  private static Gather gather(VoiceInstruction.Gather gather) {
    Gather.Builder builder =
        new Gather.Builder()
            .action(gather.action())
            .actionOnEmptyResult(gather.actionOnEmptyResult())
            .inputs(
                Arrays.stream(gather.input().trim().split("\\s+"))
                    .map(input -> byName(Gather.Input.values(), input))
                    .toList());
    if (gather.numDigits() != null) {
      builder.numDigits(gather.numDigits());
    }
    if (gather.timeoutSeconds() != null) {
      builder.timeout(gather.timeoutSeconds());
    }
    for (VoiceInstruction.Verb prompt : gather.prompts()) {
      if (prompt instanceof VoiceInstruction.Say say) {
        builder.say(say(say));
      } else if (prompt instanceof VoiceInstruction.Play play) {
        builder.play(new Play.Builder(play.url()).build());
      } else if (prompt instanceof VoiceInstruction.Pause pause) {
        builder.pause(new Pause.Builder().length(pause.seconds()).build());
      } else {
        throw new IllegalArgumentException("<Gather> cannot hold " + prompt);
      }
    }
    return builder.build();
  }

  /** {@code <Reject reason="busy"/>}: the call is refused before it is answered. */
  public String reject() {
    return new VoiceResponse.Builder()
        .reject(new Reject.Builder().reason(Reject.Reason.BUSY).build())
        .build()
        .toXml();
  }

  private static Say say(VoiceInstruction.Say say) {
    Say.Builder builder = new Say.Builder(say.text());
    if (say.voice() != null) {
      builder.voice(byName(Say.Voice.values(), say.voice()));
    }
    if (say.language() != null) {
      builder.language(byName(Say.Language.values(), say.language()));
    }
    return builder.build();
  }

  private static <E extends Enum<E>> E byName(E[] values, String name) {
    return Arrays.stream(values)
        .filter(value -> value.toString().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown TwiML attribute value " + name));
  }
}
