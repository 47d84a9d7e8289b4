package io.switchboard.api.ingress;

import io.switchboard.api.inbox.WebhookKind;
import io.switchboard.api.security.TwilioWebhook;
import io.switchboard.messaging.MessageWorkflowIds;
import io.switchboard.recording.RecordingWorkflowIds;
import io.switchboard.voice.CallWorkflowIds;
import java.util.List;

/**
 * Which workflow a webhook goes to. Callback URLs we give Twilio carry the workflow id in a {@code
 * workflowId} query parameter (covered by the signature); otherwise the SIDs decide.
 */
public final class WebhookRouting {

  static final List<String> WORKFLOW_PREFIXES =
      List.of("call:", "outbound-call:", "message:", "bulk:", "recording:", "video-room:");

  private WebhookRouting() {}

  private static String recording(String recordingSid) {
    try {
      return RecordingWorkflowIds.recording(recordingSid);
    } catch (IllegalArgumentException e) {
      return null; // Not a recording we can name: kept UNROUTED for a look and a replay.
    }
  }

  private static String inboundMessage(TwilioWebhook webhook) {
    String sid = webhook.param("MessageSid");
    try {
      return MessageWorkflowIds.inboundMessage(sid == null ? webhook.param("SmsSid") : sid);
    } catch (IllegalArgumentException e) {
      return null; // Not a MessageSid we can name: stored and answered, but no workflow.
    }
  }

  /** The workflow id, or null when nothing in this version receives the webhook. */
  public static String workflowId(WebhookKind kind, TwilioWebhook webhook) {
    String named = webhook.queryParam("workflowId");
    if (named != null && WORKFLOW_PREFIXES.stream().anyMatch(named::startsWith)) {
      return named;
    }
    String callSid = webhook.param("CallSid");
    return switch (kind) {
      case VOICE, VOICE_ACTION, VOICE_FALLBACK -> CallWorkflowIds.call(callSid);
      case STATUS ->
          callSid != null && webhook.param("MessageSid") == null
              ? CallWorkflowIds.call(callSid)
              : null;
      case RECORDING, TRANSCRIPTION -> recording(webhook.param("RecordingSid"));
      case SMS -> inboundMessage(webhook);
      case VIDEO -> null;
    };
  }
}
