package io.switchboard.api.voice.outbound;

import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallRequest.MachineAction;
import io.switchboard.voice.outbound.OutboundCallRequest.RetryPolicy;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a REST request into the workflow's input, refusing what cannot work. Numbers are checked
 * for E.164 shape only: whether Twilio can reach them is Twilio's answer, with its error codes
 * (21211, 21214, …), which the call then carries. Errors never repeat a number.
 */
@Component
class CallRequestValidator {

  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._~-]{1,200}$");
  private static final int MAX_TWIML = 4000;
  private static final int MAX_LABELS = 20;

  OutboundCallRequest validate(String key, InitiateCallRequest call) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new InvalidCallException(
          "An Idempotency-Key header of 1 to 200 letters, digits or . _ ~ - is required.");
    }
    if (call == null) {
      throw new InvalidCallException("A JSON body is required.");
    }
    String to = number("to", call.to());
    String from = number("from", call.from());
    if ((call.flow() == null) == (call.twiml() == null)) {
      throw new InvalidCallException("Give exactly one of 'flow' and 'twiml'.");
    }
    if (call.twiml() != null && call.twiml().length() > MAX_TWIML) {
      throw new InvalidCallException("'twiml' is longer than Twilio's 4,000 characters.");
    }
    int ring = call.ringTimeoutSeconds() == null ? 30 : call.ringTimeoutSeconds();
    if (ring < 5 || ring > 600) {
      throw new InvalidCallException("'ringTimeoutSeconds' must be between 5 and 600.");
    }
    Map<String, String> metadata = call.metadata() == null ? Map.of() : call.metadata();
    if (metadata.size() > MAX_LABELS) {
      throw new InvalidCallException("'metadata' holds at most 20 labels.");
    }
    MachineAction onMachine = onMachine(call.machineDetection());
    return new OutboundCallRequest(
        key,
        to,
        from,
        call.flow(),
        call.twiml(),
        onMachine,
        onMachine == MachineAction.VOICEMAIL ? call.machineDetection().voicemailMessage() : null,
        retry(call.retry(), onMachine),
        call.callAt() == null ? null : call.callAt().toEpochMilli(),
        ring,
        new java.util.TreeMap<>(metadata));
  }

  private static String number(String field, String value) {
    if (value == null || !E164.matcher(value.trim()).matches()) {
      throw new InvalidCallException(
          "'" + field + "' must be a phone number in E.164 form, e.g. +14155550100.");
    }
    return value.trim();
  }

  private static MachineAction onMachine(InitiateCallRequest.MachineDetection detection) {
    if (detection == null || detection.onMachine() == null) {
      return null;
    }
    return switch (detection.onMachine()) {
      case "voicemail" -> {
        if (detection.voicemailMessage() == null || detection.voicemailMessage().isBlank()) {
          throw new InvalidCallException("'voicemailMessage' is required to leave a voicemail.");
        }
        yield MachineAction.VOICEMAIL;
      }
      case "hangup" -> MachineAction.HANGUP;
      default -> throw new InvalidCallException("'onMachine' must be 'voicemail' or 'hangup'.");
    };
  }

  private static RetryPolicy retry(InitiateCallRequest.Retry retry, MachineAction onMachine) {
    if (retry == null) {
      return RetryPolicy.NONE;
    }
    int attempts = retry.maxAttempts() == null ? 1 : retry.maxAttempts();
    long spacing = retry.spacingSeconds() == null ? 60 : retry.spacingSeconds();
    if (attempts < 1 || attempts > 10) {
      throw new InvalidCallException("'retry.maxAttempts' must be between 1 and 10.");
    }
    if (spacing < 0 || spacing > 86_400) {
      throw new InvalidCallException("'retry.spacingSeconds' must be between 0 and 86400.");
    }
    boolean onMachineToo = Boolean.TRUE.equals(retry.retryOnMachine());
    if (onMachineToo && onMachine == null) {
      throw new InvalidCallException(
          "'retry.retryOnMachine' needs 'machineDetection' with 'onMachine'.");
    }
    return new RetryPolicy(
        attempts, spacing, Boolean.TRUE.equals(retry.retryOnBusy()), onMachineToo);
  }
}
