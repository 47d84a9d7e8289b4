package io.switchboard.api.voice.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.voice.outbound.OutboundCallRequest;
import io.switchboard.voice.outbound.OutboundCallRequest.MachineAction;
import io.switchboard.voice.outbound.OutboundCallRequest.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key's request hash must not change when the request record grows: a call accepted
 * before an upgrade and retried with its key after it would otherwise be refused as a conflict.
 */
class OutboundCallStarterHashTest {

  @Test
  void aRequestHashesAsItDidBeforeTheRecordGrewNewFields() throws Exception {
    TreeMap<String, String> metadata = new TreeMap<>();
    metadata.put("ticket", "T-42");
    OutboundCallRequest request =
        new OutboundCallRequest(
            "k1",
            "+14155550199",
            "+14155550100",
            "demo",
            null,
            MachineAction.HANGUP,
            null,
            new RetryPolicy(3, 60, true),
            null,
            30,
            metadata);
    // The text the hash was computed from before retryOnMachine and missedDial existed.
    String before =
        "OutboundCallRequest[id=k1, to=+14155550199, from=+14155550100, flowName=demo,"
            + " twiml=null, onMachine=HANGUP, voicemailMessage=null,"
            + " retry=RetryPolicy[maxAttempts=3, spacingSeconds=60, retryOnBusy=true],"
            + " callAtMillis=null, ringTimeoutSeconds=30, metadata={ticket=T-42}, answer=null]";

    assertThat(OutboundCallStarter.hash(request)).isEqualTo(sha256(before));
  }

  @Test
  void retryingOnMachinesIsADifferentRequest() {
    OutboundCallRequest plain = request(new RetryPolicy(2, 60, false, false));
    OutboundCallRequest onMachines = request(new RetryPolicy(2, 60, false, true));

    assertThat(OutboundCallStarter.hash(plain)).isNotEqualTo(OutboundCallStarter.hash(onMachines));
  }

  private static OutboundCallRequest request(RetryPolicy retry) {
    return new OutboundCallRequest(
        "k2",
        "+14155550199",
        "+14155550100",
        null,
        "<Response/>",
        MachineAction.HANGUP,
        null,
        retry,
        null,
        30,
        null);
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
