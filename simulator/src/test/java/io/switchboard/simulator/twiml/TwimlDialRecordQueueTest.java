package io.switchboard.simulator.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.voice.CallContext;
import io.switchboard.simulator.voice.CallTranscript;
import io.switchboard.simulator.voice.CallerScript;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwimlDialRecordQueueTest extends TwimlTestSupport {

  @Test
  void dialWithActionPostsDialCallStatusAndDuration() {
    app.twiml("/dial", "<Dial action=\"/dial/done\"><Number>+15005550006</Number></Dial>")
        .twiml("/dial/done", "<Say>Thanks</Say>");

    CallTranscript transcript = call("/dial", "dial:completed:42");

    assertThat(app.last("/dial/done").params())
        .containsEntry("DialCallStatus", "completed")
        .containsEntry("DialCallDuration", "42")
        .containsKey("DialCallSid");
    assertThat(descriptions(transcript)).contains("Dials +15005550006: answered, talked for 42 s");
  }

  @Test
  void dialThatIsBusyReportsBusyWithoutDuration() {
    app.twiml("/dial", "<Dial action=\"done\" method=\"GET\">+15005550006</Dial>")
        .twiml("/done", "");

    call("/dial", "dial:busy");

    FakeTwilioApp.Received done = app.last("/done");
    assertThat(done.method()).isEqualTo("GET");
    assertThat(done.params())
        .containsEntry("DialCallStatus", "busy")
        .doesNotContainKey("DialCallDuration");
  }

  @Test
  void dialWithoutActionContinuesWithTheNextVerb() {
    app.twiml(
        "/dial",
        "<Dial><Client>agent-7</Client></Dial><Dial><Conference>room</Conference></Dial>"
            + "<Dial><Sip>sip:a@b.test</Sip></Dial><Dial><Queue>support</Queue></Dial>"
            + "<Say>After the dial</Say>");

    CallTranscript transcript = call("/dial");

    assertThat(app.received()).hasSize(1);
    assertThat(descriptions(transcript))
        .contains("the client agent-7")
        .contains("conference \"room\"")
        .contains("SIP endpoint sip:a@b.test")
        .contains("queue \"support\"")
        .contains("After the dial");
  }

  @Test
  void recordCreatesARecordingAndPostsItToTheAction() {
    app.twiml(
            "/voicemail",
            "<Record maxLength=\"30\" finishOnKey=\"#\" action=\"saved\""
                + " recordingStatusCallback=\"/recording-status\"/><Say>unreachable</Say>")
        .twiml("/saved", "<Say>Message saved</Say>");

    CallTranscript transcript = call("/voicemail", "record:12#");

    assertThat(app.last("/saved").params())
        .containsEntry("RecordingDuration", "12")
        .containsEntry("RecordingSid", "RE" + "2".repeat(32))
        .containsEntry(
            "RecordingUrl", "https://api.twilio.com/2010-04-01/Recordings/RE" + "2".repeat(32))
        .containsEntry("Digits", "#");
    assertThat(effects.recordings).containsExactly("12|" + app.url("/recording-status") + "|POST");
    assertThat(descriptions(transcript))
        .contains("Beep. Records 12 s")
        .contains("Message saved")
        .doesNotContain("unreachable");
  }

  @Test
  void recordStopsAtMaxLengthAndAnEmptyRecordingFallsThrough() {
    app.twiml("/long", "<Record maxLength=\"10\" playBeep=\"false\" action=\"/saved\"/>")
        .twiml("/empty", "<Record action=\"/saved\"/><Say>No message</Say>")
        .twiml("/saved", "");

    call("/long", "record:60");
    assertThat(app.last("/saved").params())
        .containsEntry("RecordingDuration", "10")
        .doesNotContainKey("Digits");

    CallTranscript empty = call("/empty", "record:0");
    assertThat(descriptions(empty)).contains("Records nothing").contains("No message");
    assertThat(effects.recordings).hasSize(1);
  }

  @Test
  void callerHangingUpDuringRecordStillRequestsTheActionAndEnds() {
    app.twiml("/vm", "<Record action=\"/saved\"/>").twiml("/saved", "<Say>ignored</Say>");

    CallTranscript transcript = call("/vm", "record:8hangup");

    assertThat(app.last("/saved").params()).containsEntry("Digits", "hangup");
    assertThat(descriptions(transcript)).doesNotContain("Says \"ignored\"");
    assertThat(transcript.endStatus()).isEqualTo("completed");
  }

  @Test
  void rejectAsFirstVerbLeavesAnInboundCallUnansweredBusyOrNoAnswer() {
    app.twiml("/busy", "<Reject reason=\"busy\"/><Say>unreachable</Say>")
        .twiml("/rejected", "<Reject/>");

    CallTranscript busy = call("/busy");
    assertThat(busy.endStatus()).isEqualTo("busy");
    assertThat(busy.durationSeconds()).isZero();
    assertThat(descriptions(busy)).doesNotContain("unreachable");

    assertThat(call("/rejected").endStatus()).isEqualTo("no-answer");
    assertThat(effects.ended).containsExactly("busy|0", "no-answer|0");
  }

  @Test
  void rejectAfterTheCallIsAnsweredJustHangsUp() {
    app.twiml("/late", "<Say>Hello</Say><Reject/>");
    assertThat(call("/late").endStatus()).isEqualTo("completed");

    app.twiml("/outbound", "<Reject/>");
    CallContext outbound =
        new CallContext(
            "CA" + "5".repeat(32),
            ACCOUNT_SID,
            OUR_NUMBER,
            CALLER,
            "outbound-api",
            app.url("/outbound"),
            "POST",
            null,
            null,
            null,
            null);
    assertThat(runner.run(outbound, CallerScript.silent(), effects).endStatus())
        .isEqualTo("completed");
  }

  @Test
  void enqueueRunsTheWaitTwimlAndLeaveContinuesAfterTheEnqueue() {
    app.twiml("/queue", "<Enqueue waitUrl=\"/hold\">support</Enqueue><Say>Support is closed</Say>")
        .twiml("/hold", "<Say>Please hold</Say><Leave/>");

    CallTranscript transcript = call("/queue");

    assertThat(app.last("/hold").params())
        .containsEntry("QueuePosition", "1")
        .containsKey("QueueSid")
        .containsKey("CurrentQueueSize");
    assertThat(descriptions(transcript))
        .contains("Please hold")
        .contains("leaves the queue")
        .contains("Support is closed");
  }

  @Test
  void aSecondCallerInTheQueueIsToldTheirPlaceAndTheQueueSize() throws Exception {
    java.util.concurrent.CountDownLatch firstHolds = new java.util.concurrent.CountDownLatch(1);
    app.twiml("/queue", "<Enqueue waitUrl=\"/hold\">lineup</Enqueue>")
        .route(
            "/hold",
            params -> {
              firstHolds.countDown();
              return FakeTwilioApp.Answer.twiml(
                  FakeTwilioApp.response(
                      params.get("CallSid").startsWith("CA2") ? "<Leave/>" : "<Say>Hold</Say>"));
            });
    CallContext first = inbound("/queue");
    CallContext second =
        new CallContext(
            "CA" + "2".repeat(32),
            first.accountSid(),
            first.from(),
            first.to(),
            first.direction(),
            first.url(),
            first.method(),
            null,
            null,
            null,
            null);

    java.util.concurrent.CompletableFuture<CallTranscript> holding =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> runner.run(first, new CallerScript(List.of("queue:wait:8:100"), 0), effects));
    firstHolds.await(5, java.util.concurrent.TimeUnit.SECONDS);
    runner.run(second, new CallerScript(List.of("queue:wait:1:0"), 0), effects);
    holding.get(10, java.util.concurrent.TimeUnit.SECONDS);

    List<Map<String, String>> holds =
        app.received().stream()
            .filter(r -> r.path().equals("/hold"))
            .map(FakeTwilioApp.Received::params)
            .toList();
    assertThat(holds)
        .filteredOn(params -> params.get("CallSid").equals(second.callSid()))
        .singleElement()
        .satisfies(
            params ->
                assertThat(params)
                    .containsEntry("QueuePosition", "2")
                    .containsEntry("CurrentQueueSize", "2"));
    assertThat(holds)
        .filteredOn(params -> params.get("CallSid").equals(first.callSid()))
        .extracting(params -> params.get("QueuePosition"))
        .containsOnly("1");
    assertThat(holds.get(holds.size() - 1)).containsEntry("CurrentQueueSize", "1");
  }

  @Test
  void enqueueWithActionReportsTheQueueResult() {
    app.twiml("/queue", "<Enqueue action=\"/queue/done\">sales</Enqueue>")
        .twiml("/queue/done", "<Say>Goodbye</Say>");

    call("/queue");

    assertThat(app.last("/queue/done").params())
        .containsEntry("QueueResult", "bridged")
        .containsEntry("QueueTime", "30")
        .containsEntry("QueueSid", Sids.named("QU", "sales"));
  }

  @Test
  void aHoldingCallerHearsTheWaitTwimlAgainUntilItSaysLeave() {
    java.util.concurrent.atomic.AtomicInteger rounds =
        new java.util.concurrent.atomic.AtomicInteger();
    app.twiml("/queue", "<Enqueue action=\"/queue/done\" waitUrl=\"/hold\">sales</Enqueue>")
        .route(
            "/hold",
            params ->
                FakeTwilioApp.Answer.twiml(
                    FakeTwilioApp.response(
                        rounds.incrementAndGet() < 3 ? "<Say>Please hold</Say>" : "<Leave/>")))
        .twiml("/queue/done", "<Say>Goodbye</Say>");

    call("/queue", "queue:wait:5:10");

    assertThat(rounds).hasValue(3);
    assertThat(app.received().stream().filter(r -> r.path().equals("/hold")).toList())
        .extracting(r -> r.params().get("QueueTime"))
        .containsExactly("0", "1", "2");
    assertThat(app.last("/queue/done").params())
        .containsEntry("QueueResult", "leave")
        .containsEntry("QueueTime", "2");
  }

  @Test
  void aHoldingCallerIsTakenByTheSimulatedAgentAfterTheLastWaitDocument() {
    app.twiml("/queue", "<Enqueue action=\"/queue/done\" waitUrl=\"/hold\">sales</Enqueue>")
        .twiml("/hold", "<Pause length=\"10\"/>")
        .twiml("/queue/done", "<Say>Goodbye</Say>");

    call("/queue", "queue:wait:2:0");

    assertThat(app.received().stream().filter(r -> r.path().equals("/hold")).count()).isEqualTo(2);
    assertThat(app.last("/queue/done").params())
        .containsEntry("QueueResult", "bridged")
        .containsEntry("QueueTime", "50");
  }

  @Test
  void aKeyPressedDuringAGatherInTheWaitTwimlRequestsItsActionWhichMayLeaveTheQueue() {
    app.twiml("/queue", "<Enqueue action=\"/queue/done\" waitUrl=\"/q/hold\">sales</Enqueue>")
        .twiml(
            "/q/hold",
            "<Gather numDigits=\"1\" action=\"offer\"><Say>Press 1 for a call back</Say></Gather>"
                + "<Pause length=\"10\"/>")
        .twiml("/q/offer", "<Leave/>")
        .twiml("/queue/done", "<Say>We will call you back</Say><Hangup/>");

    CallTranscript transcript = call("/queue", "1");

    // The Gather's relative action resolves against the wait document, as at Twilio.
    assertThat(app.last("/q/offer").params())
        .containsEntry("Digits", "1")
        .containsEntry("QueueSid", Sids.named("QU", "sales"));
    assertThat(app.last("/queue/done").params()).containsEntry("QueueResult", "leave");
    assertThat(descriptions(transcript))
        .contains("Press 1 for a call back")
        .contains("leaves the queue");
  }

  @Test
  void silenceDuringAGatherInTheWaitTwimlGoesOnWithTheHoldMusic() {
    app.twiml("/queue", "<Enqueue action=\"/queue/done\" waitUrl=\"/hold\">sales</Enqueue>")
        .twiml("/hold", "<Gather numDigits=\"1\" action=\"/offer\"><Say>Offer</Say></Gather>")
        .twiml("/queue/done", "<Say>Goodbye</Say>");

    call("/queue");

    assertThat(app.received()).noneMatch(r -> r.path().equals("/offer"));
    assertThat(app.last("/queue/done").params()).containsEntry("QueueResult", "bridged");
  }
}
