package io.switchboard.api.voice.control;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.voice.flow.FlowStore;
import io.switchboard.voice.control.CallCommand;
import io.switchboard.voice.control.CallCommand.Action;
import io.switchboard.voice.control.CallCommandResult;
import io.switchboard.voice.flow.Flow;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Live-call control: transfer, hang up, and recording start, pause, resume and stop. */
@RestController
@RequestMapping(path = "/api/calls/{callSid}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Calls")
public class CallControlController {

  private static final Pattern CALL_SID = Pattern.compile("^CA[0-9a-fA-F]{32}$");
  private static final Pattern RECORDING_SID = Pattern.compile("^RE[0-9a-fA-F]{32}$");
  private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");
  private static final Pattern QUEUE = Pattern.compile("^[A-Za-z0-9 _.-]{1,64}$");
  private static final Pattern FLOW = Pattern.compile("^[A-Za-z0-9_-]{1,100}$");

  private final CallCommands commands;
  private final FlowStore flows;

  CallControlController(CallCommands commands, FlowStore flows) {
    this.commands = commands;
    this.flows = flows;
  }

  /**
   * Give exactly one of the three.
   *
   * @param to a number to dial
   * @param queue a queue to put the caller in
   * @param flow a published flow to run from its start, at its current version
   */
  public record TransferRequest(String to, String queue, String flow) {}

  /**
   * @param status {@code paused}, {@code in-progress} (resume) or {@code stopped}
   */
  public record RecordingUpdate(String status) {}

  @PostMapping(path = "/transfer", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "transferCall",
      summary = "Transfer a call in progress to a number, a queue or a flow (scope calls:write)",
      description =
          "The call leaves what it is doing at once. A flow runs from its start in the call's"
              + " session, pinned to the flow's version at the transfer; the transfer is among"
              + " the call's events. A flow that is not published is a 422 problem; a call that is"
              + " not in progress is a 409 problem with Twilio's code.")
  CallCommandResult transfer(@PathVariable String callSid, @RequestBody TransferRequest request) {
    checkCall(callSid);
    if (request == null
        || given(request.to()) + given(request.queue()) + given(request.flow()) != 1) {
      throw new InvalidCommandException("Give exactly one of 'to', 'queue' and 'flow'.");
    }
    if (request.flow() != null) {
      return commands.run(intoFlow(callSid, request.flow()));
    }
    if (request.to() != null) {
      if (!E164.matcher(request.to()).matches()) {
        throw new InvalidCommandException("'to' must be a phone number in E.164 form.");
      }
      return commands.run(new CallCommand(callSid, Action.TRANSFER_NUMBER, request.to()));
    }
    if (!QUEUE.matcher(request.queue()).matches()) {
      throw new InvalidCommandException("'queue' must be 1 to 64 letters, digits, space . _ -.");
    }
    return commands.run(new CallCommand(callSid, Action.TRANSFER_QUEUE, request.queue()));
  }

  @PostMapping("/hangup")
  @Operation(operationId = "hangUpCall", summary = "Hang up a call (scope calls:write)")
  CallCommandResult hangUp(@PathVariable String callSid) {
    checkCall(callSid);
    return commands.run(new CallCommand(callSid, Action.HANG_UP, null));
  }

  @PostMapping("/recordings")
  @Operation(
      operationId = "startCallRecording",
      summary = "Start recording a call in progress (scope calls:write)")
  CallCommandResult startRecording(@PathVariable String callSid) {
    checkCall(callSid);
    return commands.run(new CallCommand(callSid, Action.RECORDING_START, null));
  }

  @PostMapping(path = "/recordings/{recordingSid}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "updateCallRecording",
      summary = "Pause, resume or stop a call's recording (scope calls:write)",
      description =
          "Paused audio is skipped, not silenced: card digits entered while paused are never in"
              + " the recording, which keeps a payment IVR out of PCI scope.")
  CallCommandResult updateRecording(
      @PathVariable String callSid,
      @PathVariable String recordingSid,
      @RequestBody RecordingUpdate update) {
    checkCall(callSid);
    if (!RECORDING_SID.matcher(recordingSid).matches()) {
      throw new InvalidCommandException("Not a RecordingSid.");
    }
    Action action =
        switch (update == null || update.status() == null ? "" : update.status()) {
          case "paused" -> Action.RECORDING_PAUSE;
          case "in-progress" -> Action.RECORDING_RESUME;
          case "stopped" -> Action.RECORDING_STOP;
          default ->
              throw new InvalidCommandException("'status' must be paused, in-progress or stopped.");
        };
    return commands.run(new CallCommand(callSid, action, recordingSid));
  }

  /** Pins the transfer to the flow's latest version now, as a new call would be. */
  private CallCommand intoFlow(String callSid, String name) {
    if (!FLOW.matcher(name).matches()) {
      throw new InvalidCommandException("'flow' must be 1 to 100 letters, digits, _ -.");
    }
    Flow flow = flows.find(name, null).orElseThrow(() -> new UnknownFlowException(name));
    return new CallCommand(callSid, Action.TRANSFER_FLOW, flow.name(), flow.version());
  }

  private static int given(String value) {
    return value == null ? 0 : 1;
  }

  private static void checkCall(String callSid) {
    if (!CALL_SID.matcher(callSid).matches()) {
      throw new InvalidCommandException("Not a CallSid.");
    }
  }
}
