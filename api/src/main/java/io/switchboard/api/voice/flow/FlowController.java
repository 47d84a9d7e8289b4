package io.switchboard.api.voice.flow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.switchboard.api.voice.flow.FlowViews.FlowView;
import io.switchboard.api.voice.flow.FlowViews.NumberFlow;
import io.switchboard.api.voice.flow.FlowViews.NumberFlowView;
import io.switchboard.api.voice.flow.FlowViews.SimulateRequest;
import io.switchboard.api.voice.flow.FlowViews.Transcript;
import io.switchboard.api.voice.flow.FlowViews.VersionView;
import io.switchboard.api.web.NotFoundException;
import io.switchboard.voice.flow.Flow;
import io.switchboard.voice.flow.FlowValidator;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishing IVR flows, reading them, mapping our numbers to them and dry-running them. A call
 * takes the latest version of its number's flow when it starts and keeps it to the end.
 */
@RestController
@Tag(name = "Flows")
public class FlowController {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");
  private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}|default");

  private final FlowStore flows;
  private final FlowDryRun dryRun;
  private final Clock clock;

  public FlowController(FlowStore flows, FlowDryRun dryRun, Clock clock) {
    this.flows = flows;
    this.dryRun = dryRun;
    this.clock = clock;
  }

  @PutMapping(
      path = "/api/flows/{name}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "publishFlow",
      summary =
          "Publish a flow document as the next version (scope flows:write); the same document as"
              + " the latest version returns that version (200)")
  @ApiResponse(responseCode = "200", description = "The same document is the latest version")
  @ApiResponse(responseCode = "201", description = "Published as a new version")
  @ApiResponse(
      responseCode = "422",
      description = "The flow is invalid; the problem's errors list every problem",
      content = @Content(mediaType = "application/problem+json"))
  ResponseEntity<VersionView> publish(@PathVariable String name, @RequestBody Flow flow) {
    checkName(name);
    List<String> errors = FlowValidator.validate(flow);
    if (!errors.isEmpty()) {
      throw new InvalidFlowException(errors);
    }
    FlowStore.Version version = flows.publish(name, flow);
    VersionView view = VersionView.of(version);
    return version.created()
        ? ResponseEntity.created(URI.create("/api/flows/" + name + "?version=" + version.version()))
            .body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping(path = "/api/flows", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(operationId = "listFlows", summary = "Every flow's versions (scope flows:read)")
  List<VersionView> list() {
    return flows.versions().stream().map(VersionView::of).toList();
  }

  @GetMapping(path = "/api/flows/{name}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "getFlow",
      summary = "A flow's versions and the document of one (default latest; scope flows:read)")
  FlowView get(@PathVariable String name, @RequestParam(required = false) Integer version) {
    Flow flow = load(name, version);
    List<VersionView> versions = flows.versions(name).stream().map(VersionView::of).toList();
    return new FlowView(name, versions.get(versions.size() - 1).version(), versions, flow);
  }

  @PostMapping(
      path = "/api/flows/{name}/simulate",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "simulateFlow",
      summary =
          "Dry-run a flow with scripted caller input: the TwiML of every turn, no call"
              + " (scope flows:read)")
  Transcript simulate(@PathVariable String name, @RequestBody SimulateRequest request) {
    Flow flow = load(name, request.version());
    return dryRun.run(
        flow,
        request.inputs() == null ? List.of() : request.inputs(),
        request.callerAttributes() == null ? Map.of() : request.callerAttributes(),
        request.at() == null ? clock.instant() : request.at());
  }

  @PutMapping(
      path = "/api/numbers/{number}/flow",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "mapNumberToFlow",
      summary =
          "Choose the flow that answers calls to one of our numbers, or to every other number"
              + " with 'default' (scope flows:write)")
  NumberFlowView map(@PathVariable String number, @RequestBody NumberFlow request) {
    if (!NUMBER.matcher(number).matches()) {
      throw new IllegalArgumentException("number must be E.164 (+15551230000) or 'default'");
    }
    if (request.flow() == null || flows.find(request.flow(), null).isEmpty()) {
      throw new NotFoundException("No flow " + request.flow() + " is published.");
    }
    flows.map(number, request.flow());
    return new NumberFlowView(number, request.flow());
  }

  private Flow load(String name, Integer version) {
    checkName(name);
    return flows
        .find(name, version)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "No flow " + name + (version == null ? "" : " version " + version) + "."));
  }

  private static void checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("flow names are 1-100 letters, digits, - or _");
    }
  }
}
