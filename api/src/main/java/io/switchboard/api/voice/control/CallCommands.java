package io.switchboard.api.voice.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.switchboard.config.SwitchboardProperties;
import io.switchboard.voice.control.CallCommand;
import io.switchboard.voice.control.CallCommandResult;
import io.switchboard.voice.control.CallControlWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs a command on a live call as a {@code CallControlWorkflow} and waits for Twilio's answer: the
 * api never calls Twilio itself, and the workflow's history is the command's audit.
 */
@Component
class CallCommands {

  /** A person waits on the REST call; Twilio answers a call update in well under a second. */
  static final Duration BUDGET = Duration.ofSeconds(15);

  private final WorkflowClient client;
  private final String taskQueue;
  private final MeterRegistry meters;

  CallCommands(WorkflowClient client, SwitchboardProperties properties, MeterRegistry meters) {
    this.client = client;
    this.taskQueue = properties.taskQueues().voice();
    this.meters = meters;
  }

  /** Runs the command, timed and counted by action and outcome. */
  CallCommandResult run(CallCommand command) {
    Timer.Sample sample = Timer.start(meters);
    String outcome = "failed";
    try {
      CallCommandResult result = execute(command);
      outcome = "done";
      return result;
    } catch (CallCommandRefusedException e) {
      outcome = "refused";
      throw e;
    } catch (CommandTimeoutException e) {
      outcome = "timeout";
      throw e;
    } finally {
      sample.stop(
          Timer.builder("switchboard.call.commands")
              .description("Commands on live calls, from the request to Twilio's answer")
              .tag("action", command.action().name().toLowerCase(Locale.ROOT))
              .tag("outcome", outcome)
              .publishPercentileHistogram()
              .register(meters));
    }
  }

  private CallCommandResult execute(CallCommand command) {
    CallControlWorkflow workflow =
        client.newWorkflowStub(
            CallControlWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("call-control:" + command.callSid() + ":" + UUID.randomUUID())
                .setTaskQueue(taskQueue)
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());
    WorkflowClient.start(workflow::control, command);
    try {
      CallCommandResult result =
          WorkflowStub.fromTyped(workflow)
              .getResult(BUDGET.toMillis(), TimeUnit.MILLISECONDS, CallCommandResult.class);
      if (result.errorCode() != null) {
        throw new CallCommandRefusedException(result);
      }
      return result;
    } catch (TimeoutException e) {
      throw new CommandTimeoutException(e);
    }
  }

  /** Twilio's answer did not come within the budget: the command may still happen. */
  static final class CommandTimeoutException extends IllegalStateException {
    CommandTimeoutException(Throwable cause) {
      super("Twilio did not answer the call command in time", cause);
    }
  }
}
