package io.switchboard.voice.outbound;

import io.switchboard.voice.VoiceInstruction;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One outbound call as a service asks for it. This record is the contract for services that start
 * {@link OutboundCallWorkflow} with their own Temporal client (workflow id {@code
 * outbound-call:{id}}, task queue {@code outbound}).
 *
 * @param id the caller's idempotency key; the workflow is {@code outbound-call:{id}}
 * @param to whom to call, E.164 (personal data: never logged)
 * @param from our caller ID, E.164
 * @param flowName the IVR flow a human is handed to, or null when {@code twiml} is given
 * @param twiml the TwiML a human hears, or null when {@code flowName} is given
 * @param onMachine what to do when an answering machine picks up, or null for no detection
 * @param voicemailMessage what the voicemail drop says after the beep ({@code onMachine} VOICEMAIL)
 * @param retry how no-answer and busy are retried
 * @param callAtMillis when to call, epoch milliseconds, or null for now
 * @param ringTimeoutSeconds how long to let the phone ring (Twilio's Timeout), 5 to 600
 * @param metadata the caller's own labels, returned with the call (never sent to Twilio)
 * @param answer what a person who answers hears, as TwiML data, when neither {@code flowName} nor
 *     {@code twiml} is given: a queued callback dials the agent reserved for the caller this way
 * @param participantFingerprint the keyed fingerprint of {@code to}, published as the {@code
 *     ParticipantNumber} search attribute; null in requests from before it existed (services with
 *     their own client may leave it null: the call is then not findable by number)
 * @param missedDial what the person hears when the Dial in {@code answer} reaches nobody (busy, no
 *     answer, failed), instead of the verbs after that Dial; null for those verbs in any case
 * @param statusCheckSeconds how long the workflow waits for a final status callback before it asks
 *     Twilio, and then between asks while the call lasts; null for five minutes (requests from
 *     before it existed, and services that leave it to the workflow). The api sets it from {@code
 *     switchboard.outbound-calls.status-check-after}.
 */
public record OutboundCallRequest(
    String id,
    String to,
    String from,
    String flowName,
    String twiml,
    MachineAction onMachine,
    String voicemailMessage,
    RetryPolicy retry,
    Long callAtMillis,
    int ringTimeoutSeconds,
    SortedMap<String, String> metadata,
    VoiceInstruction answer,
    String participantFingerprint,
    VoiceInstruction missedDial,
    Long statusCheckSeconds) {

  public OutboundCallRequest(
      String id,
      String to,
      String from,
      String flowName,
      String twiml,
      MachineAction onMachine,
      String voicemailMessage,
      RetryPolicy retry,
      Long callAtMillis,
      int ringTimeoutSeconds,
      SortedMap<String, String> metadata,
      VoiceInstruction answer,
      String participantFingerprint,
      VoiceInstruction missedDial) {
    this(
        id,
        to,
        from,
        flowName,
        twiml,
        onMachine,
        voicemailMessage,
        retry,
        callAtMillis,
        ringTimeoutSeconds,
        metadata,
        answer,
        participantFingerprint,
        missedDial,
        null);
  }

  public OutboundCallRequest(
      String id,
      String to,
      String from,
      String flowName,
      String twiml,
      MachineAction onMachine,
      String voicemailMessage,
      RetryPolicy retry,
      Long callAtMillis,
      int ringTimeoutSeconds,
      SortedMap<String, String> metadata,
      VoiceInstruction answer,
      String participantFingerprint) {
    this(
        id,
        to,
        from,
        flowName,
        twiml,
        onMachine,
        voicemailMessage,
        retry,
        callAtMillis,
        ringTimeoutSeconds,
        metadata,
        answer,
        participantFingerprint,
        null);
  }

  public OutboundCallRequest(
      String id,
      String to,
      String from,
      String flowName,
      String twiml,
      MachineAction onMachine,
      String voicemailMessage,
      RetryPolicy retry,
      Long callAtMillis,
      int ringTimeoutSeconds,
      SortedMap<String, String> metadata,
      VoiceInstruction answer) {
    this(
        id,
        to,
        from,
        flowName,
        twiml,
        onMachine,
        voicemailMessage,
        retry,
        callAtMillis,
        ringTimeoutSeconds,
        metadata,
        answer,
        null);
  }

  /** The same call, with the fingerprint of the number it calls. */
  public OutboundCallRequest withParticipantFingerprint(String fingerprint) {
    return with(fingerprint, statusCheckSeconds);
  }

  /** The same call, with how long to wait for a final status before asking Twilio. */
  public OutboundCallRequest withStatusCheckSeconds(Long seconds) {
    return with(participantFingerprint, seconds);
  }

  /** The fields the api adds to a client's request. */
  private OutboundCallRequest with(String fingerprint, Long seconds) {
    return new OutboundCallRequest(
        id,
        to,
        from,
        flowName,
        twiml,
        onMachine,
        voicemailMessage,
        retry,
        callAtMillis,
        ringTimeoutSeconds,
        metadata,
        answer,
        fingerprint,
        missedDial,
        seconds);
  }

  public OutboundCallRequest(
      String id,
      String to,
      String from,
      String flowName,
      String twiml,
      MachineAction onMachine,
      String voicemailMessage,
      RetryPolicy retry,
      Long callAtMillis,
      int ringTimeoutSeconds,
      SortedMap<String, String> metadata) {
    this(
        id,
        to,
        from,
        flowName,
        twiml,
        onMachine,
        voicemailMessage,
        retry,
        callAtMillis,
        ringTimeoutSeconds,
        metadata,
        null);
  }

  public OutboundCallRequest {
    retry = retry == null ? RetryPolicy.NONE : retry;
    ringTimeoutSeconds = ringTimeoutSeconds <= 0 ? 30 : ringTimeoutSeconds;
    metadata = metadata == null ? new TreeMap<>() : new TreeMap<>(metadata);
  }

  /** What an answering machine gets. */
  public enum MachineAction {
    /** Wait for the beep (Twilio's DetectMessageEnd), say the message, hang up. */
    VOICEMAIL,
    /** Hang up as soon as a machine is detected. */
    HANGUP
  }

  /**
   * Retries of a call nobody answered.
   *
   * @param maxAttempts calls placed at most, the first included (1 for no retry)
   * @param spacingSeconds the wait between the end of one attempt and the next
   * @param retryOnBusy whether a busy line is retried too (no-answer always is)
   * @param retryOnMachine whether a call an answering machine or fax took (machine detection on) is
   *     retried too, after the machine got its {@link MachineAction}; false in requests from before
   *     it existed
   */
  public record RetryPolicy(
      int maxAttempts, long spacingSeconds, boolean retryOnBusy, boolean retryOnMachine) {
    public static final RetryPolicy NONE = new RetryPolicy(1, 0, false);

    public RetryPolicy(int maxAttempts, long spacingSeconds, boolean retryOnBusy) {
      this(maxAttempts, spacingSeconds, retryOnBusy, false);
    }

    public RetryPolicy {
      maxAttempts = Math.max(1, maxAttempts);
      spacingSeconds = Math.max(0, spacingSeconds);
    }
  }
}
