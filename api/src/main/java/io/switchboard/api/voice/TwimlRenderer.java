package io.switchboard.api.voice;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Reject;
import com.twilio.twiml.voice.Say;
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
      } else if (verb instanceof VoiceInstruction.Hangup) {
        response.hangup(new Hangup.Builder().build());
      } else {
        throw new IllegalArgumentException("no TwiML for " + verb.getClass().getSimpleName());
      }
    }
    return response.build().toXml();
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
