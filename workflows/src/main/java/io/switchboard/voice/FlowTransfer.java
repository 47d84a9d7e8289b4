package io.switchboard.voice;

import io.switchboard.voice.flow.Flow;
import java.util.Map;
import java.util.TreeMap;

/**
 * A live call redirected into a flow (live-call control's transfer to a flow): the webhook Twilio
 * sent after the redirect, with the flow it asked for, pinned at the transfer.
 *
 * @param callSid the call
 * @param flow the published flow, at the version that was current when the transfer was asked for
 * @param parameters the redirected webhook's form parameters, sorted so that histories are stable
 */
public record FlowTransfer(String callSid, Flow flow, Map<String, String> parameters) {

  public FlowTransfer {
    parameters = parameters == null ? Map.of() : new TreeMap<>(parameters);
  }
}
