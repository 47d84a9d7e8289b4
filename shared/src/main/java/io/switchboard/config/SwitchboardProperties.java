package io.switchboard.config;

import io.switchboard.common.TaskQueues;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything Switchboard reads from its environment, typed and validated at start-up.
 *
 * @param publicUrl the URL Twilio uses to reach us ({@code SWITCHBOARD_PUBLIC_URL}); webhook
 *     signatures are checked against it. When unset, the URL of the request as received.
 * @param apiKey the bootstrap admin API key ({@code SWITCHBOARD_API_KEY}); generated and printed at
 *     start-up when unset
 * @param twilio the Twilio account and how to reach it
 * @param taskQueues the Temporal task queue of each feature
 */
@Validated
@ConfigurationProperties("switchboard")
public record SwitchboardProperties(
    URI publicUrl, String apiKey, @Valid Twilio twilio, @Valid Queues taskQueues) {

  public SwitchboardProperties {
    twilio = twilio == null ? new Twilio(null, null, null, null) : twilio;
    taskQueues =
        taskQueues == null
            ? new Queues(
                TaskQueues.VOICE, TaskQueues.OUTBOUND, TaskQueues.MESSAGING, TaskQueues.RECORDING)
            : taskQueues;
  }

  /**
   * The Twilio account.
   *
   * @param accountSid {@code TWILIO_ACCOUNT_SID}
   * @param authToken {@code TWILIO_AUTH_TOKEN}; signs webhooks and authenticates REST calls
   * @param mode {@code SWITCHBOARD_TWILIO_MODE}; when unset, live if an account SID is set
   * @param simulatorUrl where the simulator's Twilio REST paths are, in simulator mode
   */
  public record Twilio(String accountSid, String authToken, TwilioMode mode, URI simulatorUrl) {

    public TwilioMode effectiveMode() {
      if (mode != null) {
        return mode;
      }
      return accountSid == null || accountSid.isBlank() ? TwilioMode.SIMULATOR : TwilioMode.LIVE;
    }
  }

  /** Whether Twilio traffic goes to Twilio or to the built-in simulator. */
  public enum TwilioMode {
    SIMULATOR,
    LIVE
  }

  /** Task queue names; see {@link TaskQueues} for the defaults. */
  public record Queues(
      @DefaultValue(TaskQueues.VOICE) @NotBlank String voice,
      @DefaultValue(TaskQueues.OUTBOUND) @NotBlank String outbound,
      @DefaultValue(TaskQueues.MESSAGING) @NotBlank String messaging,
      @DefaultValue(TaskQueues.RECORDING) @NotBlank String recording) {}
}
