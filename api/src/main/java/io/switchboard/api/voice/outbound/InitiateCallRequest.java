package io.switchboard.api.voice.outbound;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /api/calls/initiate}.
 *
 * @param to whom to call, E.164
 * @param from our caller ID, E.164 (a number of the account)
 * @param flow the IVR flow a person who answers is handed to (give this or {@code twiml})
 * @param twiml the TwiML a person who answers hears (give this or {@code flow})
 * @param machineDetection what an answering machine gets; absent for no detection
 * @param retry how a call nobody answers is placed again; absent for one attempt
 * @param callAt when to call; absent for now
 * @param ringTimeoutSeconds how long to let it ring, 5 to 600 (default 30)
 * @param metadata your own labels, returned with the call
 */
public record InitiateCallRequest(
    String to,
    String from,
    String flow,
    String twiml,
    MachineDetection machineDetection,
    Retry retry,
    Instant callAt,
    Integer ringTimeoutSeconds,
    Map<String, String> metadata) {

  /**
   * @param onMachine {@code voicemail} (leave {@code voicemailMessage} after the beep) or {@code
   *     hangup}
   * @param voicemailMessage what the voicemail says
   */
  public record MachineDetection(
      @Schema(allowableValues = {"voicemail", "hangup"}) String onMachine,
      String voicemailMessage) {}

  /**
   * @param maxAttempts calls placed at most, the first included (1 to 10)
   * @param spacingSeconds the wait between attempts (0 to 86400)
   * @param retryOnBusy whether a busy line is retried too (no-answer always is)
   * @param retryOnMachine whether a call an answering machine took is retried too, after the
   *     machine got its {@code onMachine} action (needs {@code machineDetection})
   */
  public record Retry(
      Integer maxAttempts, Long spacingSeconds, Boolean retryOnBusy, Boolean retryOnMachine) {

    public Retry(Integer maxAttempts, Long spacingSeconds, Boolean retryOnBusy) {
      this(maxAttempts, spacingSeconds, retryOnBusy, null);
    }
  }
}
