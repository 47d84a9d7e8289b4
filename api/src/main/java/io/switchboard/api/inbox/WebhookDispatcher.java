package io.switchboard.api.inbox;

import io.switchboard.api.messaging.InboundMessages;
import io.switchboard.api.video.VideoRoomEvents;
import io.switchboard.messaging.MessageStatusEvent;
import io.switchboard.video.RoomEvent;
import io.switchboard.voice.CallStatusEvent;
import io.switchboard.voice.CallWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Hands an asynchronous webhook to its workflow as a signal. Every workflow that follows a call has
 * a {@code callStatusChanged} signal and every one that follows a message a {@code
 * messageStatusChanged} signal, so status callbacks are routed by the workflow id alone, whatever
 * the workflow's type. Recording and transcription callbacks go to the recording's pipeline ({@link
 * RecordingDispatch}); inbound messages start their own workflow ({@link InboundMessageDispatch}).
 * Signals must be idempotent in the workflow: the relay delivers at least once.
 */
@Component
public class WebhookDispatcher {

  static final String CALL_STATUS_SIGNAL = "callStatusChanged";
  static final String MESSAGE_STATUS_SIGNAL = "messageStatusChanged";
  static final String ROOM_STATUS_SIGNAL = "roomStatusChanged";

  private final WorkflowClient client;
  private final InboundMessages inboundMessages;
  private final RecordingDispatch recordings;
  private final InboundMessageDispatch inboundDispatch;
  private final VideoRoomEvents videoEvents;

  public WebhookDispatcher(
      WorkflowClient client,
      InboundMessages inboundMessages,
      RecordingDispatch recordings,
      InboundMessageDispatch inboundDispatch,
      VideoRoomEvents videoEvents) {
    this.client = client;
    this.inboundMessages = inboundMessages;
    this.recordings = recordings;
    this.inboundDispatch = inboundDispatch;
    this.videoEvents = videoEvents;
  }

  /**
   * Dispatches the event.
   *
   * @return the state it ends in
   * @throws RuntimeException when Temporal could not be reached; the caller retries later
   */
  public DispatchState dispatch(InboxEvent event) {
    if (!event.kind().asynchronous()) {
      // A voice turn is answered in its own request or not at all; Twilio has moved on.
      return DispatchState.FAILED;
    }
    if (event.kind() == WebhookKind.SMS) {
      // Keywords, consent and storage are the api's (done already when the request thread got this
      // far; done once whatever the repeats). The auto-reply can only go in the webhook's own
      // answer, so none is sent here. Media and forwarding are the message's workflow's.
      inboundMessages.handle(event.params());
      return event.workflowId() == null ? DispatchState.UNROUTED : inboundDispatch.start(event);
    }
    if (event.kind() == WebhookKind.VIDEO) {
      return video(event);
    }
    if (event.kind() == WebhookKind.RECORDING || event.kind() == WebhookKind.TRANSCRIPTION) {
      return event.workflowId() == null ? DispatchState.UNROUTED : recordings.dispatch(event);
    }
    if (event.kind() != WebhookKind.STATUS || event.workflowId() == null) {
      return event.kind() == WebhookKind.STATUS ? DispatchState.ORPHANED : DispatchState.UNROUTED;
    }
    try {
      if (event.messageSid() != null) {
        signal(
            event.workflowId(),
            MESSAGE_STATUS_SIGNAL,
            MessageStatusEvent.fromCallback(event.params()));
      } else {
        signal(event.workflowId(), CALL_STATUS_SIGNAL, callStatus(event));
        alsoToSession(event);
      }
      return DispatchState.DISPATCHED;
    } catch (WorkflowNotFoundException e) {
      return DispatchState.ORPHANED;
    } catch (IllegalArgumentException e) {
      // A callback we cannot read will not read better later: kept, not retried.
      return DispatchState.FAILED;
    }
  }

  /**
   * An outbound call's callbacks go to its outbound workflow; when the call also has a session (a
   * person handed to a flow, or a live call transferred into one), the session must hear of the
   * call's end too, or it would wait for hours of idleness before closing.
   */
  private void alsoToSession(InboxEvent event) {
    if (event.callSid() == null || !event.workflowId().startsWith("outbound-call:")) {
      return;
    }
    try {
      signal(CallWorkflowIds.call(event.callSid()), CALL_STATUS_SIGNAL, callStatus(event));
    } catch (WorkflowNotFoundException e) {
      // A call that only played TwiML has no session.
    }
  }

  /**
   * Records a room callback, and tells the room's workflow when the callback names it (rooms
   * created before their workflows followed them do not). A workflow that has finished needs
   * nothing more: the record is what remains.
   */
  private DispatchState video(InboxEvent event) {
    if (!videoEvents.record(event.params())) {
      return DispatchState.UNROUTED;
    }
    if (event.workflowId() != null) {
      try {
        signal(event.workflowId(), ROOM_STATUS_SIGNAL, roomEvent(event));
      } catch (WorkflowNotFoundException e) {
        return DispatchState.DISPATCHED;
      }
    }
    return DispatchState.DISPATCHED;
  }

  static RoomEvent roomEvent(InboxEvent event) {
    return new RoomEvent(
        event.param("RoomSid"),
        event.param("StatusCallbackEvent"),
        event.param("RoomStatus"),
        event.param("ParticipantSid"),
        integer(event.param("SequenceNumber")));
  }

  private void signal(String workflowId, String signal, Object argument) {
    client
        .newUntypedWorkflowStub(workflowId, Optional.empty(), Optional.empty())
        .signal(signal, argument);
  }

  static CallStatusEvent callStatus(InboxEvent event) {
    return new CallStatusEvent(
        event.callSid(),
        event.param("CallStatus"),
        integer(event.param("CallDuration")),
        integer(event.param("SequenceNumber")),
        event.param("AnsweredBy"));
  }

  private static Integer integer(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
